package org.cloudroom.accounts;

/** Told how far a long piece of work has come, so a page can show it. */
@FunctionalInterface
interface Progress {

	Progress NONE = (done, total) -> {
	};

	void advanced(int done, int total);
}
