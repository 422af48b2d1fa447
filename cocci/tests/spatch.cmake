# SPDX-License-Identifier: GPL-2.0
# What the patch-mode test scripts share (include() it after SPATCH and CC
# are set): spatch as the rules' headers ask for it, a patch run in place,
# and the compile every patched file must pass.
set(TDX_SPATCH ${SPATCH} --very-quiet --no-includes --include-headers --timeout 120)

# Patch mode of rule on file, in place; fatal, naming what, unless spatch exits 0.
function(tdx_spatch_patch rule file what)
	execute_process(COMMAND ${TDX_SPATCH} --sp-file ${rule} -D patch --in-place
				--no-show-diff ${file}
			RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
	if(NOT rc EQUAL 0)
		message(FATAL_ERROR "${what}: spatch exited ${rc}: ${err}")
	endif()
endfunction()

# gcc -fsyntax-only -Wall -Werror with the testsuite headers; fatal, naming what.
function(tdx_compiles file include what)
	execute_process(COMMAND ${CC} -fsyntax-only -Wall -Werror -I ${include} ${file}
			RESULT_VARIABLE rc ERROR_VARIABLE err)
	if(NOT rc EQUAL 0)
		message(FATAL_ERROR "${what} does not compile:\n${err}")
	endif()
endfunction()
