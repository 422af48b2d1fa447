# SPDX-License-Identifier: GPL-2.0
# tdxcheck-cocci-combine on bad input: one line naming the file and the
# problem, exit 2, and no output file (not even a partial one).
# ctest: cmake -DCOMBINE=<exe> -DWORK=<dir> -P combine-refuses.cmake
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
set(rule "virtual report\n\n@initialize:python@\n@@\ndef helper():\n\treturn @VALUE@\n\n@r@\nidentifier f;\n@@\nf(...);\n")
string(REPLACE "@VALUE@" "1" one "${rule}")
string(REPLACE "@VALUE@" "2" two "${rule}")
file(WRITE ${WORK}/one.cocci "${one}")
file(WRITE ${WORK}/two.cocci "${two}")
file(WRITE ${WORK}/same.cocci "${one}")
file(WRITE ${WORK}/none.cocci "// only a comment\n")

function(refused what want)
	execute_process(COMMAND ${COMBINE} ${WORK}/out.cocci ${ARGN}
			RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_VARIABLE out)
	if(NOT rc EQUAL 2 OR NOT err MATCHES "${want}" OR EXISTS ${WORK}/out.cocci
	   OR EXISTS ${WORK}/out.cocci.tmp)
		message(FATAL_ERROR "${what}: exit ${rc}, stderr '${err}'")
	endif()
	string(REGEX MATCHALL "\n" lines "${err}")
	list(LENGTH lines n)
	if(NOT n EQUAL 1)
		message(FATAL_ERROR "${what}: ${n} lines of error, not one: ${err}")
	endif()
endfunction()

refused("python defined twice" "^tdxcheck-cocci-combine: [^ ]*two.cocci: python 'helper' differs from the one in [^ ]*one.cocci\n$"
	${WORK}/one.cocci ${WORK}/two.cocci)
refused("missing file" "^tdxcheck-cocci-combine: [^ ]*missing.cocci: No such file or directory\n$"
	${WORK}/one.cocci ${WORK}/missing.cocci)
refused("no rule" "^tdxcheck-cocci-combine: [^ ]*none.cocci: no SmPL rule\n$" ${WORK}/none.cocci)

# The same python twice is one definition; the second file's rule r is
# the first one's (same text), written once.
execute_process(COMMAND ${COMBINE} ${WORK}/out.cocci ${WORK}/one.cocci ${WORK}/same.cocci
		RESULT_VARIABLE rc ERROR_VARIABLE err)
file(READ ${WORK}/out.cocci text)
string(REGEX MATCHALL "\n@r@\n" shared "${text}")
list(LENGTH shared n)
if(NOT rc EQUAL 0 OR NOT n EQUAL 1)
	message(FATAL_ERROR "identical files: exit ${rc} (${err}), rule r written ${n} times")
endif()
