package dev.rclonebackup.faults;

/** How a finished run of the command line ended: its exit status and everything it printed. */
record Outcome(int exitCode, String stdout, String stderr) {

    /** Standard output and error together, for assertions about what was printed anywhere. */
    String output() {
        return stdout + stderr;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
    }
}
