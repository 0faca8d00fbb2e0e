package org.tradeorders.fulfillment.documents.domain;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tradeorders.fulfillment.documents.domain.DocumentDetails.Company;
import org.tradeorders.fulfillment.documents.domain.DocumentDetails.Dimensions;
import org.tradeorders.platform.money.Money;

/**
 * Renders the trade documents as PDF (OpenPDF). The standard Helvetica covers Latin-1; for other
 * scripts set {@code fulfillment.documents.pdf-font} to a TrueType font file, which is embedded. The
 * JSON form of a document is its record either way.
 */
@ApplicationScoped
public class TradeDocumentPdf {
    private final Font text;
    private final Font bold;
    private final Font title;

    public TradeDocumentPdf(@ConfigProperty(name = "fulfillment.documents.pdf-font") Optional<String> fontFile) {
        if (fontFile.isPresent()) {
            try {
                BaseFont base = BaseFont.createFont(fontFile.get(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
                text = new Font(base, 9);
                bold = new Font(base, 9, Font.BOLD);
                title = new Font(base, 16, Font.BOLD);
            } catch (IOException | DocumentException e) {
                throw new IllegalStateException("fulfillment.documents.pdf-font " + fontFile.get() + " is not a usable font", e);
            }
        } else {
            text = FontFactory.getFont(FontFactory.HELVETICA, 9);
            bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
            title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
        }
    }

    public byte[] invoice(CommercialInvoice ci) {
        return render("Commercial invoice " + ci.number(), doc -> {
            heading(doc, "COMMERCIAL INVOICE", ci.number(), ci.version(), ci.orderId(), ci.shipmentId(), ci.issuedAt());
            doc.add(parties(ci.seller(), ci.buyer()));
            doc.add(new Paragraph("Incoterm: " + ci.incoterm() + "    Currency: " + ci.currency(), text));
            PdfPTable t = table(new float[] { 30, 14, 12, 8, 13, 13 },
                    "Description", "Model", "HS code", "Quantity", "Unit price", "Amount");
            for (CommercialInvoice.Line l : ci.lines()) {
                cells(t, l.description(), l.model(), l.hsCode(), String.valueOf(l.quantity()), amount(l.unitPrice()),
                        amount(l.amount()));
            }
            total(t, 6, "Goods", amount(ci.goodsTotal()));
            total(t, 6, "Shipping", amount(ci.shippingCost()));
            total(t, 6, "Total " + ci.currency(), amount(ci.total()));
            doc.add(t);
        });
    }

    public byte[] packingList(PackingList pl) {
        return render("Packing list " + pl.number(), doc -> {
            heading(doc, "PACKING LIST", pl.number(), pl.version(), pl.orderId(), pl.shipmentId(), pl.issuedAt());
            doc.add(parties(pl.seller(), pl.buyer()));
            PdfPTable t = table(new float[] { 14, 28, 8, 9, 11, 11, 14 },
                    "Model", "Description", "Quantity", "Packages", "Net kg", "Gross kg", "Dimensions cm");
            for (PackingList.Line l : pl.lines()) {
                cells(t, l.model(), l.description(), String.valueOf(l.quantity()), String.valueOf(l.packages()),
                        l.netWeightKg().toPlainString(), l.grossWeightKg().toPlainString(), dimensions(l.dimensions()));
            }
            cells(t, "Total", "", "", String.valueOf(pl.totalPackages()), pl.totalNetWeightKg().toPlainString(),
                    pl.totalGrossWeightKg().toPlainString(), "");
            doc.add(t);
        });
    }

    private interface Body {
        void write(Document doc) throws DocumentException;
    }

    private byte[] render(String documentTitle, Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 36, 36, 36, 36);
        PdfWriter.getInstance(doc, out);
        doc.addTitle(documentTitle);
        doc.addCreator("tradeorders fulfillment-service");
        doc.open();
        try {
            body.write(doc);
        } catch (DocumentException e) {
            throw new IllegalStateException(documentTitle + " could not be rendered", e);
        }
        doc.close();
        return out.toByteArray();
    }

    private void heading(Document doc, String name, String number, int version, String orderId, String shipmentId,
            Instant issuedAt) throws DocumentException {
        doc.add(new Paragraph(name, title));
        doc.add(new Paragraph("No. " + number + "    Version " + version + "    Date "
                + issuedAt.atZone(ZoneOffset.UTC).toLocalDate(), bold));
        doc.add(new Paragraph("Order " + orderId + "    Shipment " + shipmentId, text));
        doc.add(new Paragraph(" ", text));
    }

    private PdfPTable parties(Company seller, Company buyer) {
        PdfPTable t = new PdfPTable(2);
        t.setWidthPercentage(100);
        t.addCell(cell("Seller\n" + company(seller), text));
        t.addCell(cell("Buyer\n" + company(buyer), text));
        t.setSpacingAfter(8);
        return t;
    }

    private static String company(Company c) {
        if (c == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(c.name() == null ? "" : c.name());
        if (c.contactName() != null) {
            s.append("\nAttn. ").append(c.contactName());
        }
        if (c.address() != null) {
            s.append('\n').append(c.address().street()).append('\n').append(c.address().zipCode()).append(' ')
                    .append(c.address().city()).append('\n').append(c.address().country());
        }
        if (c.phone() != null) {
            s.append("\nPhone ").append(c.phone());
        }
        return s.toString();
    }

    private PdfPTable table(float[] widths, String... headers) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setSpacingBefore(8);
        for (String h : headers) {
            t.addCell(cell(h, bold));
        }
        t.setHeaderRows(1);
        return t;
    }

    private void cells(PdfPTable t, String... values) {
        List.of(values).forEach(v -> t.addCell(cell(v == null ? "" : v, text)));
    }

    private void total(PdfPTable t, int columns, String label, String value) {
        PdfPCell l = cell(label, bold);
        l.setColspan(columns - 1);
        l.setHorizontalAlignment(Element.ALIGN_RIGHT);
        t.addCell(l);
        t.addCell(cell(value, bold));
    }

    private static PdfPCell cell(String value, Font font) {
        PdfPCell c = new PdfPCell(new Phrase(value, font));
        c.setPadding(4);
        return c;
    }

    private static String amount(Money m) {
        return m.amount().toPlainString();
    }

    private static String dimensions(Dimensions d) {
        return d == null ? "" : d.lengthCm() + " x " + d.widthCm() + " x " + d.heightCm();
    }
}
