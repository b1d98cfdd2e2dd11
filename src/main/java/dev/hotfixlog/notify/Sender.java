package dev.hotfixlog.notify;

/** Hands one message to one channel; throws with a short reason (kept on the record) when it did not land. */
interface Sender {
    void send(Channel channel, QueuedMessage message) throws DeliveryFailure;

    /** Why a delivery did not land, in words fit for the record page. */
    final class DeliveryFailure extends Exception {
        DeliveryFailure(String reason) {
            super(reason, null, false, false);
        }
    }
}
