package com.rdsmigration.gateway.guided;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** An approval of a guided migration's cutover: the comment says why it is safe to go. */
record ApprovalRequest(
        @Schema(description = "Why the cutover may go ahead.", example = "Checked with the orders team; go.")
        @NotBlank
        @Size(max = MAX_COMMENT)
        @Nullable
        String comment) {

    static final int MAX_COMMENT = 500;
}
