package dev.hotfixlog.notify;

/** Why a delivery did not land, in words fit for the record page; the worker tries again later. */
public final class DeliveryFailure extends Exception {
    public DeliveryFailure(String reason) {
        super(reason, null, false, false);
    }
}
