# SPDX-License-Identifier: GPL-2.0
#
# cmake -DGCC=gcc -DINCLUDE=dir -DFILES="a.c;b.c" -P cases-compile.cmake
# Compiles every testsuite case with plain gcc, warnings as errors, so that a
# case never tests an engine on code the compiler would reject.
set(failed 0)
foreach(file ${FILES})
	execute_process(
		COMMAND ${GCC} -fsyntax-only -Wall -Wextra -Wno-unused-parameter -Werror
			-nostdinc -I ${INCLUDE} ${file}
		RESULT_VARIABLE rc
		OUTPUT_VARIABLE out
		ERROR_VARIABLE out)
	if(NOT rc EQUAL 0)
		message("${file}: does not compile cleanly:\n${out}")
		math(EXPR failed "${failed} + 1")
	endif()
endforeach()
list(LENGTH FILES total)
if(failed)
	message(FATAL_ERROR "${failed} of ${total} cases do not compile")
endif()
message("${total} cases compile cleanly")
