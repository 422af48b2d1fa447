# SPDX-License-Identifier: GPL-2.0
# `make coccicheck MODE=report COCCI=<rule> M=arch/x86 J=2` for every rule on
# the pristine linux-source-6.12 tree, through O= so that nothing is written
# into it.  The findings of all rules together must be exactly the lines of
# EXPECTED (upstream's arch/x86 after the review: see that file).  Each run is
# bounded: spatch --timeout per file, and the ctest TIMEOUT.
# ctest: cmake -DKSRC=<tree> -DSRC=<cocci dir> -DEXPECTED=<file> -DWORK=<dir> -P ...
if(NOT EXISTS ${KSRC}/Makefile)
	message(FATAL_ERROR "coccicheck-kernel: ${KSRC}: no kernel tree (scripts/prepare-kernel.sh)")
endif()
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
file(GLOB rules ${SRC}/*.cocci)
set(found "")
foreach(rule ${rules})
	get_filename_component(name ${rule} NAME_WE)
	string(TIMESTAMP t0 "%s")
	execute_process(COMMAND make -s -C ${KSRC} O=${WORK} coccicheck MODE=report
				COCCI=${rule} M=${KSRC}/arch/x86 J=2 "SPFLAGS=--timeout 120"
			RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
	string(TIMESTAMP t1 "%s")
	math(EXPR secs "${t1} - ${t0}")
	if(NOT rc EQUAL 0)
		message(FATAL_ERROR "${name}: make coccicheck exited ${rc}:\n${out}${err}")
	endif()
	string(REGEX MATCHALL "[^\n]*\\[tdx-[a-z-]+\\]" lines "${out}${err}")
	list(LENGTH lines n)
	message(STATUS "${name}: ${secs}s, ${n} finding(s)")
	foreach(l ${lines})
		string(REPLACE "${KSRC}/" "" l "${l}")
		# Compare file, line and rule; columns and wording are the rule's business.
		string(REGEX REPLACE "^([^:]+:[0-9]+):[^ ]* .*(\\[tdx-[a-z-]+\\])$" "\\1 \\2" l "${l}")
		list(APPEND found "${l}")
	endforeach()
endforeach()
list(SORT found)
file(STRINGS ${EXPECTED} want REGEX "^[^#]")
list(SORT want)
if(NOT found STREQUAL want)
	string(REPLACE ";" "\n  " f "${found}")
	string(REPLACE ";" "\n  " w "${want}")
	message(FATAL_ERROR "coccicheck on 6.12 arch/x86:\n found:\n  ${f}\n expected:\n  ${w}")
endif()
