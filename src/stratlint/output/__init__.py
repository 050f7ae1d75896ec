"""What stratlint writes: lint/ (the `check --format` formats of a RunResult), assurance/
(the board assurance report: assess turns a RunResult into scorecards, one module per
`report --format` renders them) and fixes (the `check --fix` edits)."""
