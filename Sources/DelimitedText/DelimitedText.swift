// DelimitedText: see DESIGN.md for this module's lane.
