# SPDX-License-Identifier: GPL-2.0
#
# cmake -DRUNNER=... -DEXIT=N -DREGEX=re [-DNOT_REGEX=re] -P check.cmake -- ARGS...
# Runs tdx-case-runner with ARGS and checks both its exit status and its
# output.  ARGS come on the command line, not through -D, so that arguments
# with spaces and quotes reach the runner unchanged.
set(args)
set(in_args FALSE)
math(EXPR last "${CMAKE_ARGC} - 1")
foreach(i RANGE ${last})
	if(in_args)
		list(APPEND args "${CMAKE_ARGV${i}}")
	elseif(CMAKE_ARGV${i} STREQUAL "--")
		set(in_args TRUE)
	endif()
endforeach()
execute_process(COMMAND ${RUNNER} ${args}
	RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc STREQUAL EXIT)
	message(FATAL_ERROR "exit status ${rc}, want ${EXIT}\nstdout:\n${out}\nstderr:\n${err}")
endif()
if(NOT "${out}${err}" MATCHES "${REGEX}")
	message(FATAL_ERROR "output does not match '${REGEX}':\n${out}${err}")
endif()
if(DEFINED NOT_REGEX AND "${out}${err}" MATCHES "${NOT_REGEX}")
	message(FATAL_ERROR "output matches '${NOT_REGEX}':\n${out}${err}")
endif()
