#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Write a compile_commands.json that clang-tidy can use from one a kernel
tree configured for GCC wrote: only the entries of the files named, each
without the arguments clang's driver rejects (GCC-only code generation
flags such as -mindirect-branch=).  Which arguments those are is
asked of clang itself (`clang -###`), so no list of GCC flags is kept here;
with a tree configured for LLVM=1 nothing is dropped.

Usage: clang-compdb.py CLANG IN.json OUT-DIR FILE...
"""
import json
import os
import re
import shlex
import subprocess
import sys


def rejected(clang, args, directory):
    """The arguments clang's driver rejects: unknown, or refused without a
    switch of its own (clang 14's -ftrivial-auto-var-init=zero)."""
    run = subprocess.run([clang, '-###', '-fsyntax-only'] + args, cwd=directory,
                         capture_output=True, text=True, check=False)
    return set(re.findall(r"unknown argument: '([^']*)'", run.stderr) +
               re.findall(r"error: '([^']*)' hasn't been enabled", run.stderr))


def main():
    if len(sys.argv) < 5:
        sys.exit('usage: clang-compdb.py CLANG IN.json OUT-DIR FILE...')
    clang, src, out_dir = sys.argv[1:4]
    wanted = {os.path.realpath(f) for f in sys.argv[4:]}
    try:
        with open(src, encoding='utf-8') as f:
            entries = json.load(f)
    except (OSError, ValueError) as e:
        sys.exit(f'clang-compdb.py: {src}: {e}')
    out = []
    for e in entries:
        path = os.path.realpath(os.path.join(e['directory'], e['file']))
        if path not in wanted:
            continue
        args = e['arguments'] if 'arguments' in e else shlex.split(e['command'])
        compiler, flags = args[0], args[1:]
        # the source, the output and the dependency file are clang-tidy's business
        flags = [a for a in flags if not a.startswith('-Wp,-MMD')]
        # the driver stops at unknown arguments before it judges the rest: ask again
        bad = set()
        while True:
            more = rejected(clang, [a for a in flags if a not in bad],
                            e['directory'])
            if not more - bad:
                break
            bad |= more
        out.append({'directory': e['directory'], 'file': path,
                    'arguments': [compiler] + [a for a in flags if a not in bad]})
        wanted.discard(path)
    if wanted:
        sys.exit('clang-compdb.py: not in ' + src + ': ' + ' '.join(sorted(wanted)))
    with open(os.path.join(out_dir, 'compile_commands.json'), 'w', encoding='utf-8') as f:
        json.dump(out, f, indent=1)


main()
