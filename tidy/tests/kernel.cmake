# SPDX-License-Identifier: GPL-2.0
# Real kernel files through clang-tidy with the module, with the flags kbuild
# used for them (compile_commands.json of the prepared build directory,
# written by the testsuite/kernel fixtures with scripts/kernel-compdb.sh).
# The trees are configured for GCC; kernel/clang-compdb.py drops what
# clang's driver rejects.  A tree configured with LLVM=1 needs no dropping.
find_program(TDX_CLANG NAMES clang-14 clang)
if(NOT TDX_CLANG)
	message(WARNING "no clang-14: the clang-tidy kernel tests are not registered")
	return()
endif()

# tdx_tidy_kernel(<name> <version> <expect> [--scope=all] <file>...)
function(tdx_tidy_kernel name version expect)
	set(src ${TDX_KERNEL_CACHE}/src/linux-source-${version})
	set(build ${TDX_KERNEL_CACHE}/build-${version})
	set(files ${ARGN})
	list(REMOVE_ITEM files --scope=all)
	set(scope)
	if(NOT "${files}" STREQUAL "${ARGN}")
		set(scope --scope=all)
	endif()
	set_property(GLOBAL APPEND PROPERTY TDX_KERNEL_COMPDB_${version} ${files})
	add_test(NAME kernel-${version}/${name}
		COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/kernel/tidy-kernel.sh ${scope} ${TDX_CLANG_TIDY}
			$<TARGET_FILE:tdxcheck_tidy> ${TDX_CLANG} ${src} ${build} ${expect}
			${files})
	set_tests_properties(kernel-${version}/${name} PROPERTIES
		LABELS "kernel;tidy-kernel"
		FIXTURES_REQUIRED "tdx-kernel-${version};tdx-kernel-compdb-${version}"
		RESOURCE_LOCK tdx-kernel-build-${version}
		TIMEOUT 300)
endfunction()

# 6.12: upstream after the review: no finding in either file.
tdx_tidy_kernel(tidy 6.12 ${CMAKE_CURRENT_SOURCE_DIR}/kernel/expect-6.12-tidy.txt
	arch/x86/virt/vmx/tdx/tdx.c arch/x86/coco/tdx/tdx.c)
# The same with every function judged: not silent, so the run above is no
# run that checks nothing.
tdx_tidy_kernel(tidy-scope-all 6.12
	${CMAKE_CURRENT_SOURCE_DIR}/kernel/expect-6.12-scope-all-tidy.txt --scope=all arch/x86/virt/vmx/tdx/tdx.c arch/x86/coco/tdx/tdx.c)
# 6.1's guest code: the old __tdx_module_call() API, exactly the plugin's findings.
tdx_tidy_kernel(tidy 6.1 ${PROJECT_SOURCE_DIR}/testsuite/kernel/expect-6.1-plugin.txt
	arch/x86/coco/tdx/tdx.c)
