# SPDX-License-Identifier: GPL-2.0
# tdxcheck as kbuild's checker in real kernel trees (issue 3, item 4).
# Included by CMakeLists.txt; adds nothing until the driver is built.
if(NOT TARGET tdxcheck)
	return()
endif()

set(tdxcheck $<TARGET_FILE:tdxcheck>)
set(driver_tests ${PROJECT_SOURCE_DIR}/driver/tests/kernel)

# tdx_driver_kbuild(NAME <name> VERSION <v> EXPECT <file> CHECKED <src>...
#                   [SPARSE] MAKE_ARGS <arg>...)
# tdx_kernel_test() plus the proof that kbuild ran the checker on CHECKED
# (an empty finding set proves nothing otherwise) and, with SPARSE, that
# sparse's own diagnostics reached the log.
function(tdx_driver_kbuild)
	cmake_parse_arguments(PARSE_ARGV 0 arg "SPARSE" "NAME;VERSION;EXPECT" "CHECKED;MAKE_ARGS")
	set(src ${TDX_KERNEL_CACHE}/src/linux-source-${arg_VERSION})
	set(build ${TDX_KERNEL_CACHE}/build-${arg_VERSION})
	set(log ${TDX_KERNEL_LOGS}/kernel-${arg_VERSION}-${arg_NAME}.log)
	set(cmd ${driver_tests}/kbuild-checked.sh -l ${log})
	foreach(f ${arg_CHECKED})
		list(APPEND cmd -c ${f})
	endforeach()
	if(arg_SPARSE)
		list(APPEND cmd -s)
	endif()
	add_test(NAME kernel-${arg_VERSION}/${arg_NAME}
		COMMAND ${cmd} -- ${TDX_RUN_KBUILD} -s ${src} -o ${build} -l ${log}
			-e ${arg_EXPECT} -- -j2 ${arg_MAKE_ARGS})
	set_tests_properties(kernel-${arg_VERSION}/${arg_NAME} PROPERTIES
		LABELS kernel
		FIXTURES_REQUIRED tdx-kernel-${arg_VERSION}
		RESOURCE_LOCK tdx-kernel-build-${arg_VERSION}
		PROCESSORS 2
		TIMEOUT 900)
endfunction()

# 6.12: upstream's code after the review: the build completes, no finding.
tdx_driver_kbuild(NAME driver VERSION 6.12
	EXPECT ${driver_tests}/expect-6.12-driver.txt
	CHECKED arch/x86/virt/vmx/tdx/tdx.c arch/x86/coco/tdx/tdx.c
	MAKE_ARGS C=2 CHECK=${tdxcheck} arch/x86/virt/vmx/tdx/ arch/x86/coco/tdx/)

# ... and with --sparse one CHECK gives both: sparse's own warnings
# (-Wsparse-all through CF, which tdxcheck's filter drops for gcc) still
# appear, tdxcheck's finding set is the same.
tdx_driver_kbuild(NAME driver-sparse VERSION 6.12 SPARSE
	EXPECT ${driver_tests}/expect-6.12-driver.txt
	CHECKED arch/x86/virt/vmx/tdx/tdx.c arch/x86/coco/tdx/tdx.c
	MAKE_ARGS C=2 "CHECK=${tdxcheck} --sparse" CF=-Wsparse-all
		arch/x86/virt/vmx/tdx/ arch/x86/coco/tdx/)

# 6.1: split-inout-args on the old __tdx_module_call(fn, rcx, rdx, r8, r9, out).
tdx_driver_kbuild(NAME driver VERSION 6.1
	EXPECT ${driver_tests}/expect-6.1-driver.txt
	CHECKED arch/x86/coco/tdx/tdx.c
	MAKE_ARGS C=2 CHECK=${tdxcheck} arch/x86/coco/tdx/)

# 6.1 guest directories through the facts database, then `tdxcheck report`,
# twice: the same rows and the same report.
add_test(NAME kernel-6.1/driver-facts
	COMMAND ${driver_tests}/kernel-facts.sh ${tdxcheck}
		${TDX_KERNEL_CACHE}/src/linux-source-6.1 ${TDX_KERNEL_CACHE}/build-6.1
		${CMAKE_CURRENT_BINARY_DIR}/driver-facts-6.1 arch/x86/coco/)
set_tests_properties(kernel-6.1/driver-facts PROPERTIES
	LABELS kernel
	FIXTURES_REQUIRED tdx-kernel-6.1
	RESOURCE_LOCK tdx-kernel-build-6.1
	PROCESSORS 2
	TIMEOUT 900)

# Facts in the objects (the plugin's facts-section key) against facts in a
# database (db=): 6.1's guest and 6.12's host directories, the same report
# from built-in.a as from the database; then built through distcc by a
# distccd that cannot see the trees (issue 16).
if(TARGET tdxcheck_plugin)
	foreach(v 6.1 6.12)
		if(v STREQUAL "6.1")
			set(dir arch/x86/coco/tdx)
		else()
			set(dir arch/x86/virt/vmx/tdx)
		endif()
		foreach(how section distcc)
			set(flag)
			if(how STREQUAL "distcc")
				set(flag -d)
			endif()
			add_test(NAME kernel-${v}/facts-${how}
				COMMAND sh ${driver_tests}/kernel-facts-section.sh ${flag} ${tdxcheck}
					$<TARGET_FILE:tdxcheck_plugin>
					${TDX_KERNEL_CACHE}/src/linux-source-${v}
					${TDX_KERNEL_CACHE}/build-${v}
					${CMAKE_CURRENT_BINARY_DIR}/facts-${how}-${v} ${dir})
			set_tests_properties(kernel-${v}/facts-${how} PROPERTIES
				LABELS kernel
				FIXTURES_REQUIRED tdx-kernel-${v}
				RESOURCE_LOCK tdx-kernel-build-${v}
				SKIP_RETURN_CODE 77
				PROCESSORS 2
				TIMEOUT 1200)
		endforeach()
	endforeach()
endif()
