# SPDX-License-Identifier: GPL-2.0
# tdxcheck-gate on linux-source-6.12 (label kernel): the prepared tree of
# testsuite/kernel (fixture tdx-kernel-6.12), read through its build's
# compile_commands.json.  Nothing is built; the lock keeps a concurrent
# kernel build from regenerating headers under the check.
if(NOT TARGET tdxcheck)
	return()
endif()

set_property(GLOBAL APPEND PROPERTY TDX_KERNEL_COMPDB_6.12 arch/x86/virt/vmx/tdx/tdx.c)
foreach(s mistake clean shape)
	add_test(NAME kernel-6.12/gate-${s}
		COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/kernel-test.sh $<TARGET_FILE:tdxcheck-gate>
			$<TARGET_FILE:tdxcheck> ${TDX_KERNEL_CACHE}/src/linux-source-6.12
			${TDX_KERNEL_CACHE}/build-6.12 ${CMAKE_CURRENT_BINARY_DIR}/work-kernel-${s}
			${s})
	set_tests_properties(kernel-6.12/gate-${s} PROPERTIES
		LABELS kernel
		FIXTURES_REQUIRED "tdx-kernel-6.12;tdx-kernel-compdb-6.12"
		RESOURCE_LOCK tdx-kernel-build-6.12
		TIMEOUT 300)
endforeach()
