# SPDX-License-Identifier: GPL-2.0
# The GCC plugin in a real kbuild build (issue 2, item 8).  Included by
# CMakeLists.txt only when the target tdxcheck_plugin exists.
set(plugin $<TARGET_FILE:tdxcheck_plugin>)

# 6.12: upstream's code after the review was applied must be silent.  The
# objects are deleted first so every run compiles them with the plugin, and
# the .cmd files prove the plugin was on the command line of a compile that
# succeeded (gcc fails when it cannot load a plugin).  CONFIG_WERROR=y stays:
# any finding would also fail the build.
tdx_kernel_test(NAME plugin VERSION 6.12
	EXPECT ${CMAKE_CURRENT_SOURCE_DIR}/expect-6.12-plugin.txt
	CLEAN arch/x86/virt/vmx/tdx arch/x86/coco/tdx arch/x86/kvm virt/kvm
	REBUILT arch/x86/virt/vmx/tdx/tdx.o:-fplugin=${plugin}
		arch/x86/coco/tdx/tdx.o:-fplugin=${plugin}
		arch/x86/kvm/vmx/vmx.o:-fplugin=${plugin}
	MAKE_ARGS "KCFLAGS=-fplugin=${plugin}"
		arch/x86/virt/vmx/tdx/ arch/x86/coco/tdx/ arch/x86/kvm/)

# Silence is only worth something if the plugin saw the TDX code: the model
# it builds for arch/x86/virt/vmx/tdx/tdx.c (dumped as JSON; the last compile
# of the run writes it, after the prepare-stage files) holds the calls
# through sc_retry_prerr() and the __seamcall_ret primitive.
set(model ${TDX_KERNEL_LOGS}/kernel-6.12-tdx.model.json)
tdx_kernel_test(NAME plugin-model VERSION 6.12
	EXPECT ${CMAKE_CURRENT_SOURCE_DIR}/expect-6.12-plugin.txt
	CLEAN arch/x86/virt/vmx/tdx
	MATCHES "${model}:\"main_file\": \".*/arch/x86/virt/vmx/tdx/tdx\\.c\""
		"${model}:\"callee\": \"sc_retry_prerr\""
		"${model}:\"callee\": \"__seamcall_ret\""
	MAKE_ARGS
		"KCFLAGS=-fplugin=${plugin} -fplugin-arg-tdxcheck_plugin-dump-model=${model}"
		arch/x86/virt/vmx/tdx/tdx.o)

# 6.1: the old __tdx_module_call(fn, rcx, rdx, r8, r9, out) API.  With
# no-werror the findings stay warnings and the build succeeds ...
tdx_kernel_test(NAME plugin VERSION 6.1
	EXPECT ${CMAKE_CURRENT_SOURCE_DIR}/expect-6.1-plugin.txt
	CLEAN arch/x86/coco/tdx
	REBUILT arch/x86/coco/tdx/tdx.o:-fplugin=${plugin}
	MAKE_ARGS "KCFLAGS=-fplugin=${plugin} -fplugin-arg-tdxcheck_plugin-no-werror"
		arch/x86/coco/tdx/)

# ... and without it, CONFIG_WERROR=y (defconfig) turns a finding into an
# error that stops the build: the user chooses.  The build stops at the first
# translation unit that reports (asm-offsets.c includes asm/tdx.h), so the
# findings need only be a non-empty subset of the same expectation, and every
# error in the log must be a finding.
tdx_kernel_test(NAME plugin-werror VERSION 6.1 MUST_FAIL
	EXPECT ${CMAKE_CURRENT_SOURCE_DIR}/expect-6.1-plugin.txt
	CLEAN arch/x86/coco/tdx
	MAKE_ARGS "KCFLAGS=-fplugin=${plugin}" arch/x86/coco/tdx/)
