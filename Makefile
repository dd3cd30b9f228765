# The two commands of the README. The work is in scripts/, so it can be read.
.PHONY: serve test

serve:
	bash scripts/serve.sh

test:
	bash scripts/test.sh
