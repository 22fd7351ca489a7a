using Npgsql;

namespace Automation.Testing;

/// <summary>
/// A PostgreSQL database and a RabbitMQ virtual host of a test's own. Hosts started on the same instance share them,
/// as replicas of one installation do: competing consumers on one vhost, one database.
/// </summary>
public sealed class BrokerAndDatabase : IDisposable
{
    private readonly RabbitMqVirtualHost virtualHost;

    private BrokerAndDatabase(string database, string connectionString, RabbitMqVirtualHost virtualHost)
    {
        Database = database;
        ConnectionString = connectionString;
        this.virtualHost = virtualHost;
    }

    public string Database { get; }

    public string ConnectionString { get; }

    /// <summary>The vhost as an AMQP address, for tests that talk to the broker themselves.</summary>
    public Uri RabbitMqAddress =>
        new($"amqp://{virtualHost.Broker.UserInfo}@{virtualHost.Broker.Host}:{virtualHost.Broker.Port}/{Uri.EscapeDataString(virtualHost.Name)}");

    /// <summary>The vhost's queues as "name ready/unacknowledged/consumers"; says where a stuck message waits.</summary>
    public string Queues() => virtualHost.Queues();

    /// <summary>The outbox's rows by message type; says whether a stuck action's command ever left the database.</summary>
    /// <summary>
    /// For a fault drill's failure message: of the actions still dispatched (3), how many have their connector's outcome
    /// recorded (a processed_dispatches row) and what the audit log says about them.
    /// </summary>
    public string DispatchedWithoutCompletion()
    {
        try
        {
            using var connection = new NpgsqlConnection(ConnectionString);
            connection.Open();
            using var count = new NpgsqlCommand("""
                SELECT count(*), count(p."IdempotencyKey"), min(a."DispatchedAt"), max(a."DispatchedAt"),
                  (SELECT string_agg(DISTINCT u."Action", ',') FROM audit u WHERE u."Subject" IN (SELECT 'action/' || x."Id" FROM actions x WHERE x."Status" = 3))
                FROM actions a LEFT JOIN processed_dispatches p ON p."IdempotencyKey" = a."IdempotencyKey" WHERE a."Status" = 3
                """, connection);
            using var reader = count.ExecuteReader();
            reader.Read();
            return $"{reader.GetInt64(0)} dispatched, {reader.GetInt64(1)} of them with the connector's outcome recorded, dispatched {(reader.IsDBNull(2) ? "-" : reader.GetDateTime(2).ToString("O", System.Globalization.CultureInfo.InvariantCulture))} to {(reader.IsDBNull(3) ? "-" : reader.GetDateTime(3).ToString("O", System.Globalization.CultureInfo.InvariantCulture))}, audit: {(reader.IsDBNull(4) ? "none" : reader.GetString(4))}";
        }
        catch (NpgsqlException ex)
        {
            return $"(not readable: {ex.Message})";
        }
    }

    public string OutboxRows()
    {
        try
        {
            using var connection = new NpgsqlConnection(ConnectionString);
            connection.Open();
            using var count = new NpgsqlCommand("SELECT \"MessageType\", \"Destination\", count(*) FROM outbox GROUP BY 1, 2", connection);
            using var reader = count.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                rows.Add($"{reader.GetString(0)}{(reader.IsDBNull(1) ? "" : " to " + reader.GetString(1))}: {reader.GetInt64(2)}");
            }

            return rows.Count == 0 ? "empty" : string.Join("; ", rows);
        }
        catch (NpgsqlException ex)
        {
            return ex.Message;
        }
    }

    public static BrokerAndDatabase Create()
    {
        var database = "automation_test_" + Guid.NewGuid().ToString("N")[..12];
        var builder = new NpgsqlConnectionStringBuilder(TestServices.Require(TestServices.Postgres));
        using (var connection = new NpgsqlConnection(builder.ConnectionString))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
            create.ExecuteNonQuery();
        }

        builder.Database = database;
        return new BrokerAndDatabase(database, builder.ConnectionString, RabbitMqVirtualHost.Create());
    }

    /// <summary>The Automation:* settings that point a host at this database and vhost.</summary>
    public Dictionary<string, string?> Settings()
    {
        var rabbit = virtualHost.Broker;
        var credentials = rabbit.UserInfo.Split(':');
        return new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Automation:Database"] = "Postgres",
            ["Automation:PostgresConnectionString"] = ConnectionString,
            ["Automation:Transport"] = "RabbitMq",
            ["Automation:RabbitMq:Host"] = rabbit.Host,
            ["Automation:RabbitMq:Port"] = rabbit.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Automation:RabbitMq:VirtualHost"] = virtualHost.Name,
            ["Automation:RabbitMq:Username"] = credentials[0],
            ["Automation:RabbitMq:Password"] = credentials.Length > 1 ? credentials[1] : "",
        };
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        using (var connection = new NpgsqlConnection(TestServices.Require(TestServices.Postgres)))
        {
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Database} WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }

        virtualHost.Dispose();
    }
}
