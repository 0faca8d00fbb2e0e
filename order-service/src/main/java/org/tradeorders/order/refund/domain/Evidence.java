package org.tradeorders.order.refund.domain;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.tradeorders.order.domain.Party;

/** A file attached to a refund case: what it is (by its content), its checksum, who added it. */
@Entity
@Table(name = "refund_evidence")
public class Evidence {
    @Id
    public String id;
    @Column(name = "case_id", nullable = false)
    public String caseId;
    @Column(name = "order_id", nullable = false)
    public String orderId;
    @Enumerated(EnumType.STRING)
    @Column(name = "added_by", nullable = false)
    public Party addedBy;
    @Column(name = "added_by_company", nullable = false)
    public String addedByCompany;
    @Column(name = "file_name", nullable = false)
    public String fileName;
    @Column(name = "media_type", nullable = false)
    public String mediaType;
    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;
    @Column(nullable = false, length = 64)
    public String sha256;
    /** the file itself: read only to download it */
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] content;
    @Column(name = "added_at", nullable = false)
    public Instant addedAt;
}
