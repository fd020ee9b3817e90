package com.ivsstack.engine.state;

import java.nio.file.Path;

/**
 * A checkpoint that is not a valid one (empty, not JSON, not a checkpoint, a broken deployment), or missing while
 * its backup holds resources. A missing stack and a damaged one are different things: the engine never reads a
 * damaged one as a new stack, which would create every resource again. The message names the file, what is wrong,
 * and the ways back.
 */
public final class DamagedCheckpointException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** @param backupAdvice how to restore the backup, or null when there is no valid one */
    public DamagedCheckpointException(Path file, String problem, String backupAdvice) {
        this(file.toString(), problem, backupAdvice);
    }

    /** @param checkpoint where the checkpoint is: its file, or its key and backend */
    public DamagedCheckpointException(String checkpoint, String problem, String backupAdvice) {
        super("the checkpoint " + checkpoint + " is not usable: " + problem + ".\n"
                + "ivsstack stops here rather than treating the stack as new, which would create every resource again.\n"
                + (backupAdvice == null ? "" : "  - " + backupAdvice + "\n")
                + "  - " + (backupAdvice == null ? "" : "or ") + "move the file away and rebuild the state from what the "
                + "program's resources created (their ownership tags):\n    ivsstack import --all-owned");
    }
}
