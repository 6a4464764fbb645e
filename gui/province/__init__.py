"""Screens of a province database: reports received from communes, consolidated reports, answers."""
