package io.tradeshell.brokers.alpaca;

/**
 * Client order ids derived from the journal: the account's name and the order's number in the
 * journal's sequence. A resumed session numbers its orders the same way, so the order it sends
 * again carries the id Alpaca already knows (Alpaca allows 128 characters).
 */
public record ClientOrderIds(String account) {
    public ClientOrderIds {
        account = account.replaceAll("[^A-Za-z0-9_-]", "_");
        if (account.length() > 80) account = account.substring(0, 80);
    }

    public String of(long orderId) {
        return "ts-" + account + "-" + orderId;
    }

    /** A replacement needs an id of its own; it is derived from the order's and the replaced order's. */
    public String replacement(String clientOrderId, String replacedAlpacaId) {
        String suffix = replacedAlpacaId.length() > 8 ? replacedAlpacaId.substring(0, 8) : replacedAlpacaId;
        String base = clientOrderId.contains("~") ? clientOrderId.substring(0, clientOrderId.indexOf('~')) : clientOrderId;
        return base + "~" + suffix;
    }
}
