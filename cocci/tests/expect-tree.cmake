# SPDX-License-Identifier: GPL-2.0
# What the refactor test scripts share (include() it): every file of the
# caller's ${names} in dir is byte for byte the one in ref; fatal, naming
# what, with the diff on the way.
function(expect_tree dir ref what)
	foreach(n ${names})
		execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${dir}/${n} ${ref}/${n}
				RESULT_VARIABLE rc)
		if(NOT rc EQUAL 0)
			execute_process(COMMAND diff -u ${ref}/${n} ${dir}/${n})
			message(FATAL_ERROR "${what}: ${n} differs from ${ref}/${n}")
		endif()
	endforeach()
endfunction()
