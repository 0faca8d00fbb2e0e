package org.tradeorders.platform.waiting;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import org.tradeorders.platform.events.CloudEvents;
import org.tradeorders.platform.events.EventsConfig;
import org.tradeorders.platform.events.KafkaClientConfig;

/**
 * Changes committed by the service's other instances: the keys of the events on the service's own
 * topic, read from its end by a consumer of no group (nothing committed, no rebalancing), from the
 * instance's start. An event is published after its transaction commits, so a reader it wakes reads the
 * change. This instance's own commits wake its readers directly; the feed passes over them when it sees
 * them again ({@link Changes#changedHere}).
 */
@ApplicationScoped
public class ChangeFeed {
    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);

    @Inject
    WaitsConfig config;
    @Inject
    EventsConfig events;
    @Inject
    Changes changes;
    @Inject
    KafkaClientConfig kafka;

    private Thread thread;
    private volatile boolean running;

    void onStart(@Observes StartupEvent ev) {
        if (!config.feed().enabled()) {
            return;
        }
        Properties p = kafka.forClient(ConsumerConfig.configNames());
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 65536);
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) config.feed().maxDelay().toMillis());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "change-feed" + events.source().replace('/', '-'));
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        running = true;
        thread = new Thread(() -> run(consumer), "change-feed");
        thread.setDaemon(true);
        thread.start();
    }

    /** The consumer is this thread's alone, closed by it too. */
    private void run(KafkaConsumer<String, byte[]> consumer) {
        boolean assigned = false;
        boolean failing = false;
        try {
            while (running) {
                try {
                    if (!assigned && !(assigned = assign(consumer))) {
                        sleep();
                        continue;
                    }
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofSeconds(1))) {
                        if (r.key() != null) {
                            Header id = r.headers().lastHeader(CloudEvents.ID);
                            changes.changedElsewhere(r.key(), id == null ? null : new String(id.value(), StandardCharsets.UTF_8));
                        }
                    }
                    if (failing) {
                        LOG.infof("change feed reads %s again", events.topic());
                        failing = false;
                    }
                } catch (WakeupException | InterruptException e) {
                    return;
                } catch (RuntimeException e) {
                    // the broker away, or no right to read: readers here are woken by this instance's commits only
                    if (!failing) {
                        LOG.warnf("change feed cannot read %s (%s): other instances' changes wake no reader here until it can",
                                events.topic(), e.toString());
                        failing = true;
                    }
                    sleep();
                }
            }
        } finally {
            Thread.interrupted(); // the stop's interrupt, which close would otherwise throw again
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** Every partition of the topic from its end; false while the topic is not there yet. */
    private boolean assign(KafkaConsumer<String, byte[]> consumer) {
        List<PartitionInfo> partitions = consumer.partitionsFor(events.topic(), Duration.ofSeconds(5));
        if (partitions == null || partitions.isEmpty()) {
            return false;
        }
        List<TopicPartition> all = partitions.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
        consumer.assign(all);
        consumer.seekToEnd(all);
        return true;
    }

    private void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            running = false;
        }
    }

    void onStop(@Observes ShutdownEvent ev) {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
