# SPDX-License-Identifier: GPL-2.0
# split-inout-args converts real kernel code: 6.1's guest TDCALL layer
# (arch/x86/coco/tdx/tdx.c and the __tdx_module_call() prototype in
# arch/x86/include/asm/tdx.h) goes from (fn, rcx, rdx, r8, r9, out) to one
# struct tdx_module_args, as upstream did by hand in 6.7.
#  1. one tdxcheck-refactor run over a copy of all of arch/x86 (the README's
#     command) changes exactly what EXPECTED shows, and a second run
#     changes nothing;
#  2. the result builds against the prepared 6.1 tree (an external-module
#     build of the one object, the converted header first on the include
#     path) with the plugin loaded and CONFIG_WERROR's -Werror in force: no
#     finding is left and the compiler accepts every converted call.
# The assembly behind __tdx_module_call() (tdcall.S) is not C: the refactor
# cannot change it, and the object is not linked.
# ctest: cmake -DSRC=<cocci dir> -DREFACTOR=<tdxcheck-refactor> -DKSRC=<linux-source-6.1> -DKBUILD=<build-6.1>
#              -DPLUGIN=<tdxcheck_plugin.so> -DEXPECTED=<diff> -DSHIM=<header>
#              -DWORK=<dir> -P refactor-kernel.cmake
foreach(v SRC REFACTOR KSRC KBUILD PLUGIN EXPECTED SHIM WORK)
	if(NOT DEFINED ${v})
		message(FATAL_ERROR "refactor-kernel.cmake: ${v} not set")
	endif()
endforeach()

set(tree ${WORK}/b)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/a ${tree})
file(CREATE_LINK ${KSRC}/arch ${WORK}/a/arch SYMBOLIC)
file(COPY ${KSRC}/arch/x86 DESTINATION ${tree}/arch)

function(refactor what)
	execute_process(COMMAND ${REFACTOR} ${SRC}/split-inout-args.cocci
				${tree}/arch/x86
			RESULT_VARIABLE rc ERROR_VARIABLE err)
	if(NOT rc EQUAL 0)
		message(FATAL_ERROR "${what}: tdxcheck-refactor exited ${rc}: ${err}")
	endif()
endfunction()

# The tree's patch, without diff's time stamps.
function(tree_diff out)
	execute_process(COMMAND diff -ru a/arch/x86 b/arch/x86 WORKING_DIRECTORY ${WORK}
			OUTPUT_VARIABLE patch)
	string(REGEX REPLACE "(\n(---|[+][+][+]) [^\t\n]*)\t[^\n]*" "\\1" patch "\n${patch}")
	string(SUBSTRING "${patch}" 1 -1 patch)
	set(${out} "${patch}" PARENT_SCOPE)
endfunction()

# 1. the exact conversion, then idempotence
refactor("first run")
tree_diff(patch)
file(WRITE ${WORK}/got.diff "${patch}")
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${WORK}/got.diff ${EXPECTED}
		RESULT_VARIABLE same)
if(NOT same EQUAL 0)
	execute_process(COMMAND diff -u ${EXPECTED} ${WORK}/got.diff)
	message(FATAL_ERROR "the conversion of 6.1 arch/x86 differs from ${EXPECTED}")
endif()
refactor("second run")
tree_diff(again)
if(NOT again STREQUAL patch)
	message(FATAL_ERROR "a second run changed the tree again (not idempotent)")
endif()
message(STATUS "6.1 arch/x86 converted as expected, idempotent")

# 2. build the converted object in the 6.1 tree's configuration
set(mod ${WORK}/kbuild)
file(COPY ${tree}/arch/x86/coco/tdx/tdx.c DESTINATION ${mod})
file(COPY ${tree}/arch/x86/include/asm/tdx.h DESTINATION ${mod}/overlay/asm)
file(COPY ${SHIM} DESTINATION ${mod})
get_filename_component(shim ${SHIM} NAME)
file(WRITE ${mod}/Kbuild
"# NOSTDINC_FLAGS comes before the tree's own include paths: <asm/tdx.h> is
# the converted one.
NOSTDINC_FLAGS += -I$(src)/overlay
ccflags-y += -include $(src)/${shim}
obj-m := tdx.o
")
execute_process(COMMAND make -C ${KBUILD} M=${mod} tdx.o KCFLAGS=-fplugin=${PLUGIN}
		RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR "${out}${err}" MATCHES "\\[tdx-|internal compiler error")
	message(FATAL_ERROR "the converted 6.1 tdx.c does not build clean (${rc}):\n${out}${err}")
endif()
file(READ ${mod}/.tdx.o.cmd cmd)
if(NOT cmd MATCHES "-fplugin=${PLUGIN}" OR NOT cmd MATCHES "-Werror")
	message(FATAL_ERROR "tdx.o was not compiled with the plugin and -Werror")
endif()
message(STATUS "the converted 6.1 tdx.c builds with the plugin under -Werror, no finding")
