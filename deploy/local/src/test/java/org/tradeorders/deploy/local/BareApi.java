package org.tradeorders.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;

/**
 * The benchmark's baseline fixture, part of no service: one endpoint that reads a JSON body shaped like
 * an order draft, checks its fields, and inserts one row into PostgreSQL in one transaction. Run in a
 * JVM of its own with the services' JVM settings, it says what a bare POST-and-insert costs here.
 *   java BareApi <port> <jdbc-url> <pool-size>
 */
public final class BareApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BareApi() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String url = args[1];
        int poolSize = Integer.parseInt(args[2]);
        BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(poolSize);
        for (int i = 0; i < poolSize; i++) {
            Connection c = DriverManager.getConnection(url, "postgres", "");
            c.setAutoCommit(false);
            pool.add(c);
        }
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.createStatement().execute("create table if not exists bare_order (id uuid primary key, buyer varchar(100) not null, "
                    + "currency char(3) not null, total numeric(19,4) not null, body text not null)");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        server.setExecutor(Executors.newFixedThreadPool(poolSize * 2));
        server.createContext("/orders", exchange -> handle(exchange, pool));
        server.createContext("/ready", exchange -> answer(exchange, 200, "{}"));
        server.start();
    }

    private static void handle(HttpExchange exchange, BlockingQueue<Connection> pool) throws IOException {
        try {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonNode d = JSON.readTree(body);
            String buyer = d.path("buyerCompanyId").asText("");
            String currency = d.path("currency").asText("");
            if (buyer.isBlank() || buyer.length() > 100 || !currency.matches("[A-Z]{3}") || !d.path("lines").isArray()
                    || d.path("lines").isEmpty()) {
                answer(exchange, 400, "{\"title\":\"invalid\"}");
                return;
            }
            BigDecimal total = BigDecimal.ZERO;
            for (JsonNode l : d.path("lines")) {
                int quantity = l.path("quantity").asInt(0);
                BigDecimal price = new BigDecimal(l.path("unitPrice").asText("x"));
                if (quantity <= 0 || price.signum() <= 0 || l.path("model").asText("").isBlank()) {
                    answer(exchange, 400, "{\"title\":\"invalid\"}");
                    return;
                }
                total = total.add(price.multiply(BigDecimal.valueOf(quantity)));
            }
            UUID id = UUID.randomUUID();
            Connection c = pool.take();
            try (PreparedStatement insert = c.prepareStatement(
                    "insert into bare_order (id, buyer, currency, total, body) values (?, ?, ?, ?, ?)")) {
                insert.setObject(1, id);
                insert.setString(2, buyer);
                insert.setString(3, currency);
                insert.setBigDecimal(4, total);
                insert.setString(5, body);
                insert.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                pool.add(c);
            }
            answer(exchange, 201, "{\"id\":\"" + id + "\"}");
        } catch (NumberFormatException e) {
            answer(exchange, 400, "{\"title\":\"invalid\"}");
        } catch (Exception e) {
            answer(exchange, 500, "{\"title\":\"failed\"}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
