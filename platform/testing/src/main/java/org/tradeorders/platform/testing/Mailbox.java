package org.tradeorders.platform.testing;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** What the services really sent over SMTP to the shared GreenMail server. */
public final class Mailbox {
    private Mailbox() {
    }

    public record Received(String to, String subject, String body) {
    }

    public static List<Received> to(String address) {
        List<Received> out = new ArrayList<>();
        try {
            for (MimeMessage m : SharedInfra.get().smtp().getReceivedMessages()) {
                for (Address a : m.getAllRecipients()) {
                    if (a.toString().equalsIgnoreCase(address)) {
                        out.add(new Received(address, m.getSubject(), String.valueOf(m.getContent())));
                    }
                }
            }
        } catch (MessagingException | IOException e) {
            throw new AssertionError(e);
        }
        return out;
    }
}
