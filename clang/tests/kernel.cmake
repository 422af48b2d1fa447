# SPDX-License-Identifier: GPL-2.0
# Real kernel files through kbuild with the clang front end as the checker:
# `make C=2 CHECK="tdxcheck --frontend=clang"`, with kbuild's own flags for
# each file (a tree configured for GCC, so the front end drops GCC-only
# flags).  Uses testsuite/kernel's run-kbuild.sh, fixtures and build locks,
# and the driver's proof that kbuild ran the checker.
set(run_kbuild ${PROJECT_SOURCE_DIR}/testsuite/kernel/run-kbuild.sh)
set(checked_sh ${PROJECT_SOURCE_DIR}/driver/tests/kernel/kbuild-checked.sh)
set(logs ${CMAKE_CURRENT_BINARY_DIR}/logs)

function(tdx_clang_kbuild version expect)
	set(src ${TDX_KERNEL_CACHE}/src/linux-source-${version})
	set(build ${TDX_KERNEL_CACHE}/build-${version})
	set(log ${logs}/kernel-${version}-clang.log)
	set(checked)
	set(dirs)
	foreach(f ${ARGN})
		list(APPEND checked -c ${f})
		get_filename_component(dir ${f} DIRECTORY)
		list(APPEND dirs ${dir}/)
	endforeach()
	add_test(NAME kernel-${version}/clang
		COMMAND ${checked_sh} -l ${log} ${checked} --
			${run_kbuild} -s ${src} -o ${build} -l ${log} -e ${expect} --
			-j2 C=2 "CHECK=$<TARGET_FILE:tdxcheck> --frontend=clang" ${dirs})
	set_tests_properties(kernel-${version}/clang PROPERTIES
		LABELS "kernel;clang-kernel"
		FIXTURES_REQUIRED tdx-kernel-${version}
		RESOURCE_LOCK tdx-kernel-build-${version}
		PROCESSORS 2
		TIMEOUT 900)
endfunction()

# 6.12: upstream after the review: no finding in either file.
tdx_clang_kbuild(6.12 ${CMAKE_CURRENT_SOURCE_DIR}/kernel/expect-6.12-clang.txt
	arch/x86/virt/vmx/tdx/tdx.c arch/x86/coco/tdx/tdx.c)
# 6.1's guest code: exactly the plugin's findings.
tdx_clang_kbuild(6.1 ${PROJECT_SOURCE_DIR}/testsuite/kernel/expect-6.1-plugin.txt
	arch/x86/coco/tdx/tdx.c)

# Every rule on every function (--scope=all) of 6.12's two TDX files, with
# compile_commands.json's flags: both front ends give the same report (the
# headers' unbraced bodies, a status switch in coco/tdx/tdx.c).
set(src612 ${TDX_KERNEL_CACHE}/src/linux-source-6.12)
set_property(GLOBAL APPEND PROPERTY TDX_KERNEL_COMPDB_6.12
	arch/x86/virt/vmx/tdx/tdx.c arch/x86/coco/tdx/tdx.c
	arch/x86/kernel/apic/apic.c arch/x86/kernel/apic/io_apic.c
	arch/x86/kernel/cpu/bugs.c arch/x86/kernel/cpu/amd.c
	arch/x86/mm/init.c arch/x86/kvm/x86.c
	arch/x86/kvm/vmx/pmu_intel.c arch/x86/kernel/mpparse.c)
add_test(NAME kernel-6.12/clang-scope-all
	COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/same-findings.sh $<TARGET_FILE:tdxcheck> --scope=all
		-p ${TDX_KERNEL_CACHE}/build-6.12/compile_commands.json
		${src612}/arch/x86/virt/vmx/tdx/tdx.c ${src612}/arch/x86/coco/tdx/tdx.c)
set_tests_properties(kernel-6.12/clang-scope-all PROPERTIES
	LABELS "kernel;clang-kernel"
	FIXTURES_REQUIRED "tdx-kernel-6.12;tdx-kernel-compdb-6.12"
	RESOURCE_LOCK tdx-kernel-build-6.12
	TIMEOUT 300)

# The files of 6.12 where a --scope=all run over 546 files of arch/x86,
# kernel and mm found the front ends disagreeing, before the plugin learnt
# guard()'s TRY_FINALLY_EXPR, else-if wrapped by boot_cpu_has(), a macro
# inside a two-line body (not across an #ifdef: mpparse.c), `fallthrough;`
# and "vmx/../pmu.h": both must now print the same report.
add_test(NAME kernel-6.12/engines-agree-scope-all
	COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/same-findings.sh $<TARGET_FILE:tdxcheck> --scope=all
		-j2 -p ${TDX_KERNEL_CACHE}/build-6.12/compile_commands.json
		${src612}/arch/x86/kernel/apic/apic.c ${src612}/arch/x86/kernel/apic/io_apic.c
		${src612}/arch/x86/kernel/cpu/bugs.c ${src612}/arch/x86/kernel/cpu/amd.c
		${src612}/arch/x86/mm/init.c ${src612}/arch/x86/kvm/x86.c
		${src612}/arch/x86/kvm/vmx/pmu_intel.c ${src612}/arch/x86/kernel/mpparse.c)
set_tests_properties(kernel-6.12/engines-agree-scope-all PROPERTIES
	LABELS "kernel;clang-kernel"
	FIXTURES_REQUIRED "tdx-kernel-6.12;tdx-kernel-compdb-6.12"
	RESOURCE_LOCK tdx-kernel-build-6.12
	PROCESSORS 2
	TIMEOUT 300)
