# Thin wrapper around ./dev (which needs nothing but bash, so it also works where make is absent).
.PHONY: demo test bench goldens setup
demo test bench goldens setup:
	./dev $@
