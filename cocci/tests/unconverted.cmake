# SPDX-License-Identifier: GPL-2.0
# split-inout-args patch mode leaves alone what it cannot convert exactly:
# each FILES entry is byte-identical after a patch run, and the rule still
# reports it (the finding stays for the author).
# ctest: cmake -DSPATCH=... -DRULE=<split-inout-args.cocci> "-DFILES=a.c;b.c"
#              -DWORK=<dir> -P unconverted.cmake
foreach(v SPATCH RULE FILES WORK)
	if(NOT DEFINED ${v})
		message(FATAL_ERROR "unconverted.cmake: ${v} not set")
	endif()
endforeach()
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
include(${CMAKE_CURRENT_LIST_DIR}/spatch.cmake)
foreach(f ${FILES})
	get_filename_component(name ${f} NAME)
	file(COPY_FILE ${f} ${WORK}/${name})
	tdx_spatch_patch(${RULE} ${WORK}/${name} ${name})
	execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${f} ${WORK}/${name}
			RESULT_VARIABLE same)
	if(NOT same EQUAL 0)
		execute_process(COMMAND diff -u ${f} ${WORK}/${name})
		message(FATAL_ERROR "${name}: patch mode changed a file it cannot convert exactly")
	endif()
	execute_process(COMMAND ${TDX_SPATCH} --sp-file ${RULE} -D report ${f} OUTPUT_VARIABLE out)
	if(NOT out MATCHES "\\[tdx-split-inout-args\\]")
		message(FATAL_ERROR "${name}: not reported, so the test proves nothing")
	endif()
	message(STATUS "${name}: reported, left as it was")
endforeach()
