"""daphne under cProfile, for `BENCH_PROFILE=DIR make bench` (bench/live.py): every thread is
profiled (the event loop's, and the pool's threads that read the database and render the
screens), and their statistics are merged into one file when daphne stops (SIGTERM).

Usage: profiled_daphne.py OUTPUT.prof DAPHNE_ARGUMENTS…"""

import cProfile
import pstats
import sys
import threading

from daphne.cli import CommandLineInterface

output, arguments = sys.argv[1], sys.argv[2:]
profiles = []
lock = threading.Lock()


def start_in_thread(*_args):
    """The first event of a new thread: a profile of its own replaces this hook."""
    profile = cProfile.Profile()
    with lock:
        profiles.append(profile)
    profile.enable()


main = cProfile.Profile()
profiles.append(main)
threading.setprofile(start_in_thread)
main.enable()
try:
    CommandLineInterface().run(arguments)
finally:
    main.disable()
    with lock:
        for profile in profiles:
            profile.create_stats()
        merged = pstats.Stats(profiles[0])
        for profile in profiles[1:]:
            if profile.stats:
                merged.add(profile)
        merged.dump_stats(output)
