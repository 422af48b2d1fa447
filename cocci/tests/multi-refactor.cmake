# SPDX-License-Identifier: GPL-2.0
# The multi-file refactor through tdxcheck-refactor:
#  1. one run converts a tree (helper, header, callers in three files) into
#     multi/after exactly, the result compiles, and a second run changes nothing;
#  2. a tree with a file Coccinelle cannot parse, and that names a TDX
#     primitive, is left exactly as it was; one that names none is skipped,
#     and so is an unparsable item naming none in a file that names one;
#  3. a run over its time limit leaves the tree exactly as it was.
# ctest: cmake -DSRC=<cocci dir> -DREFACTOR=<tdxcheck-refactor> -DINCLUDE=<testsuite/include> -DWORK=<dir> -DCC=<gcc> -P ...
set(refactor ${REFACTOR})
set(rule ${SRC}/get-cpu-for-print.cocci)
set(before ${SRC}/tests/multi/before)
set(after ${SRC}/tests/multi/after)
file(GLOB names RELATIVE ${before} ${before}/*)

function(fresh dir)
	file(REMOVE_RECURSE ${dir})
	file(COPY ${before}/ DESTINATION ${dir})
endfunction()

include(${CMAKE_CURRENT_LIST_DIR}/expect-tree.cmake)

function(run_refactor dir want_rc what)
	execute_process(COMMAND ${refactor} ${ARGN} ${rule} ${dir}
			RESULT_VARIABLE rc ERROR_VARIABLE err)
	if(NOT rc EQUAL want_rc)
		message(FATAL_ERROR "${what}: tdxcheck-refactor exited ${rc}, wanted ${want_rc}: ${err}")
	endif()
	message(STATUS "${what}: exit ${rc} ${err}")
endfunction()

# 1. conversion, compile, idempotence
set(ok ${WORK}/ok)
fresh(${ok})
run_refactor(${ok} 0 "conversion")
expect_tree(${ok} ${after} "conversion")
foreach(n ${names})
	if(n MATCHES "\\.c$")
		execute_process(COMMAND ${CC} -fsyntax-only -Wall -Werror -I ${INCLUDE} -I ${ok}
					${ok}/${n} RESULT_VARIABLE rc ERROR_VARIABLE err)
		if(NOT rc EQUAL 0)
			message(FATAL_ERROR "conversion: ${n} does not compile:\n${err}")
		endif()
	endif()
endforeach()
run_refactor(${ok} 0 "second run")
expect_tree(${ok} ${after} "second run")

# 2. a file the rule could change (it names a TDX primitive) that spatch
#    cannot parse: nothing changes
set(bad ${WORK}/parse-error)
fresh(${bad})
file(WRITE ${bad}/broken.c "int broken(void)\n{\n\tint x = __seamcall(;\n\treturn (x;\n}\n")
run_refactor(${bad} 1 "parse error")
expect_tree(${bad} ${before} "parse error")

# 2b. one that names none is never changed by any rule, so it does not
#     hold the refactor back (a kernel tree always has such a file)
set(other ${WORK}/parse-error-elsewhere)
fresh(${other})
set(broken "int broken(void)\n{\n\tint x = ;\n\treturn (x;\n}\n")
file(WRITE ${other}/broken.c "${broken}")
run_refactor(${other} 0 "unrelated parse error")
expect_tree(${other} ${after} "unrelated parse error")
file(READ ${other}/broken.c left)
if(NOT left STREQUAL broken)
	message(FATAL_ERROR "unrelated parse error: broken.c was changed")
endif()

# 2c. the parse gate judges what a rule could change: in a file that does
#     name a primitive, an unparsable item that names none (a broken
#     file-scope declaration) does not hold the refactor back, and is kept
set(item ${WORK}/parse-error-in-file)
fresh(${item})
set(glue "\nstatic int broken_glue = (1 + ;\n")
file(APPEND ${item}/helper.c "${glue}")
run_refactor(${item} 0 "unrelated unparsable item")
file(READ ${after}/helper.c want)
file(READ ${item}/helper.c got)
if(NOT got STREQUAL "${want}${glue}")
	message(FATAL_ERROR "unrelated unparsable item: helper.c is not after/helper.c plus it")
endif()

# 3. over the time limit: nothing changes
set(slow ${WORK}/timeout)
fresh(${slow})
run_refactor(${slow} 1 "timeout" --timeout 0.01)
expect_tree(${slow} ${before} "timeout")
