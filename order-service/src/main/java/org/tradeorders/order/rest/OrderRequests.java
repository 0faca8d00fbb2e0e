package org.tradeorders.order.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The small request bodies of the order's steps ({@link OrderResource}). */
public final class OrderRequests {
    private OrderRequests() {
    }

    public record ConfirmRequest(@NotNull @Positive Integer version) {
    }

    public record ModificationRequest(@NotBlank @Size(max = 1000) String note) {
    }

    public record CancelRequest(@Size(max = 500) String reason) {
    }

    public record ExtensionRequest(@NotNull @Positive Integer days) {
    }

    public record ExtensionAnswer(@NotNull Boolean accept) {
    }
}
