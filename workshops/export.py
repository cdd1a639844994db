"""CSV files that open cleanly in a French spreadsheet (Excel included) and cannot run formulas:
the trainers' files (results, live sessions, the yearly report) are written by the one writer of
figures/exports.py, which the admin's exports and the quizzes' questions also use."""

from figures.exports import csv_response, safe_cell

__all__ = ["csv_response", "safe_cell"]
