# SPDX-License-Identifier: GPL-2.0
# `make coccicheck MODE=report COCCI=<rule> M=arch/x86 J=2` for every rule on
# the pristine linux-source-6.12 tree, through O= so that nothing is written
# into it.  The findings of all rules together must be exactly the lines of
# EXPECTED (upstream's arch/x86 after the review: see that file).  Each run is
# bounded: spatch --timeout per file, and the ctest TIMEOUT.
# The combined semantic patch (-DALL=) must find the same in one run.
# ctest: cmake -DKSRC=<tree> -DSRC=<cocci dir> -DEXPECTED=<file> -DWORK=<dir> [-DALL=<file>] -P ...
if(NOT EXISTS ${KSRC}/Makefile)
	message(FATAL_ERROR "coccicheck-kernel: ${KSRC}: no kernel tree (scripts/prepare-kernel.sh)")
endif()
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})

# make coccicheck with one semantic patch; its findings as "file:line [tdx-rule]"
function(coccicheck rule out_var)
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
	set(found "")
	foreach(l ${lines})
		string(REPLACE "${KSRC}/" "" l "${l}")
		# Compare file, line and rule; columns and wording are the rule's business.
		string(REGEX REPLACE "^([^:]+:[0-9]+):[^ ]* .*(\\[tdx-[a-z-]+\\])$" "\\1 \\2" l "${l}")
		list(APPEND found "${l}")
	endforeach()
	list(SORT found)
	set(${out_var} "${found}" PARENT_SCOPE)
endfunction()

function(must_equal what found)
	file(STRINGS ${EXPECTED} want REGEX "^[^#]")
	list(SORT want)
	if(NOT found STREQUAL want)
		string(REPLACE ";" "\n  " f "${found}")
		string(REPLACE ";" "\n  " w "${want}")
		message(FATAL_ERROR "${what} on 6.12 arch/x86:\n found:\n  ${f}\n expected:\n  ${w}")
	endif()
endfunction()

file(GLOB rules ${SRC}/*.cocci)
set(all "")
foreach(rule ${rules})
	coccicheck(${rule} found)
	list(APPEND all ${found})
endforeach()
list(SORT all)
must_equal("coccicheck, rule by rule" "${all}")
# the combined semantic patch (tdxcheck-all.cocci) as one COCCI=
if(ALL)
	coccicheck(${ALL} found)
	must_equal("coccicheck COCCI=tdxcheck-all.cocci" "${found}")
endif()
