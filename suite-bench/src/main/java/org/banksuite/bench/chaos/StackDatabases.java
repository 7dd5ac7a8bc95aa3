package org.banksuite.bench.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Read-only SQL on the local stack's databases ({@code accounts}, {@code transfers}, {@code adapter},
 * {@code simulator}, ...) as PostgreSQL's superuser, whose password {@code ./suite up} generated into
 * {@code .suite/postgres/postgres.password}: how the chaos run reads the event stores and the core's ledger.
 */
public final class StackDatabases {

    private final int port;
    private final String password;

    /** @throws IllegalStateException when the password file is missing (no suite ever ran in this clone) */
    public StackDatabases(Path home, int port) {
        this.port = port;
        Path file = home.resolve(".suite/postgres/postgres.password");
        try {
            this.password = Files.readString(file).strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Each row of the query's answer as its columns' text.
     *
     * @throws IllegalStateException when the database cannot be reached or the query fails
     */
    public List<String[]> query(String database, String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database,
                "postgres", password);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            connection.setReadOnly(true);
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String[]> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    String[] row = new String[columns];
                    for (int column = 0; column < columns; column++) {
                        row[column] = result.getString(column + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot query " + database + ": " + e.getMessage(), e);
        }
    }
}
