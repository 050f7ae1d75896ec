"""The run stage: sources in, one RunResult out.

pipeline (the order of the steps) -> sources (reading a file) -> lint (one document against
its rules, no processes) -> processes (the only module that knows about worker processes)
-> cross_document (the pass over every document) -> stamp (rule identity on each hit) ->
result (RunResult, what the filters and output formats take). rulebook holds the rules each
file gets.
"""
