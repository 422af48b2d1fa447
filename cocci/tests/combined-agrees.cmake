# SPDX-License-Identifier: GPL-2.0
# tdxcheck-all.cocci (cocci/combine/) must report exactly what the rule files
# report one by one: over every file of the testsuite's cases, each file on
# its own (--dir), the sorted report lines of the ten runs against those of
# the one combined run.
# ctest: cmake -DSPATCH= -DALL=<combined> -DRULES=<rule;...> -DCASES=<dir>
#        -DINCLUDE=<dir> -P combined-agrees.cmake
set(args -D report --very-quiet --no-show-diff --no-includes --include-headers
	 --timeout 120 -I ${INCLUDE} --dir ${CASES})

function(report_lines sp out_var)
	execute_process(COMMAND ${SPATCH} ${args} --sp-file ${sp}
			RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
	if(NOT rc EQUAL 0)
		message(FATAL_ERROR "combined-agrees: spatch --sp-file ${sp} exited ${rc}:\n${err}")
	endif()
	string(REGEX MATCHALL "[^\n]*\\[tdx-[a-z-]+\\]" lines "${out}")
	set(${out_var} "${lines}" PARENT_SCOPE)
endfunction()

set(one_by_one "")
foreach(rule ${RULES})
	report_lines(${rule} lines)
	list(APPEND one_by_one ${lines})
endforeach()
report_lines(${ALL} combined)
list(SORT one_by_one)
list(SORT combined)
list(LENGTH one_by_one n)
if(n LESS 100)
	message(FATAL_ERROR "combined-agrees: the rules found only ${n} things in ${CASES}")
endif()
if(NOT one_by_one STREQUAL combined)
	string(REPLACE ";" "\n  " a "${one_by_one}")
	string(REPLACE ";" "\n  " b "${combined}")
	message(FATAL_ERROR "combined-agrees: one by one:\n  ${a}\ncombined:\n  ${b}")
endif()
message(STATUS "combined-agrees: ${n} findings, the same")
