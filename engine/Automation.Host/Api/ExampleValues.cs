using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Automation.Engine.Events;

namespace Automation.Host.Api;

/// <summary>
/// An example instance of an API type: records through their widest constructor, other classes through their
/// settable properties, values picked by the member's name (a customer id looks like one, an email like an address).
/// </summary>
public static class ExampleValues
{
    private const int MaxDepth = 6;

    private static readonly DateTime At = new(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc);

    private static readonly Dictionary<string, string> Texts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["customerId"] = "c-1042",
        ["email"] = "ada@example.com",
        ["customerEmail"] = "ada@example.com",
        ["to"] = "marketer@example.com",
        ["name"] = "At-risk customers",
        ["displayName"] = "Grace Marketer",
        ["customerName"] = "Ada Lovelace",
        ["workflowId"] = "at-risk-winback",
        ["workflowName"] = "At-risk win-back",
        ["activityId"] = "mail",
        ["currentActivityId"] = "wait",
        ["forkActivityId"] = "fork",
        ["actionType"] = "email.send",
        ["channel"] = "email",
        ["plugin"] = "Automation.Plugins.Email",
        ["segment"] = "at-risk",
        ["key"] = "at-risk",
        ["type"] = "purchase",
        ["timestamp"] = "2026-03-02T09:30:00Z",
        ["expression"] = "Features.DaysInactive > 30 && Scores.ChurnRisk >= 0.7",
        ["password"] = "correct horse battery staple",
        ["scope"] = "ingest",
        ["status"] = "published",
        ["port"] = "done",
        ["branch"] = "treat",
        ["bookmark"] = "event:purchase",
        ["rfmSegment"] = "at-risk",
        ["score"] = "ChurnRisk",
        ["target"] = "churn",
        ["kind"] = "fastTree",
        ["timeZone"] = "Europe/Berlin",
        ["phone"] = "+49 30 1234567",
        ["subject"] = "We miss you, {{ firstName }}",
        ["preheader"] = "10 % off your next order",
        ["fromName"] = "Shop",
        ["fromAddress"] = "news@shop.example",
        ["html"] = "<p>Hello {{ name }}</p>",
        ["text"] = "Hello {{ name }}",
        ["token"] = "CfDJ8Example",
        ["headerName"] = "X-XSRF-TOKEN",
        ["prefix"] = "ak_3f9c1",
        ["source"] = "admin",
        ["queue"] = "email-send",
        ["messageType"] = "DispatchAction",
        ["pseudonym"] = "erased-5c1f0e",
        ["version"] = "1.0.0",
        ["sdkRange"] = "[1.0,2.0)",
        ["assembly"] = "Automation.Plugins.Email.dll",
        ["next"] = "/api/customers/c-1042/events?take=20&cursor=639000000000000000-1042",
        ["backfill"] = "/api/segments/at-risk/backfill",
        ["backfillStatus"] = "queued",
        ["stage"] = "segments",
        ["role"] = "marketer",
        ["description"] = "Customers likely to leave soon",
        ["policy"] = "oncePer",
        ["direction"] = "up",
        ["event"] = "purchase",
        ["filter"] = "Properties.currency == \"EUR\"",
        ["from"] = "mail",
        ["comment"] = "Within this week's budget",
        ["reason"] = "the customer unsubscribed",
        ["detail"] = "250 2.0.0 Ok: queued",
        ["error"] = "DivideByZeroException: Attempted to divide by zero.",
        ["lastError"] = "SMTP 451: try again later",
        ["actor"] = "marketer@example.com",
        ["action"] = "segment.changed",
    };

    /// <summary>Written by hand where a built example would mislead: an event's value is a number, its properties its own.</summary>
    private static readonly Dictionary<Type, Func<object>> Written = new()
    {
        [typeof(EventBatchRequest)] = () => new EventBatchRequest(
        [
            new IncomingEvent("ord-20260302-0017", "c-1042", "purchase", "2026-03-02T09:30:00Z", JsonSerializer.SerializeToElement(49.90m), JsonSerializer.SerializeToElement(new Dictionary<string, object> { ["sku"] = "SKU-481", ["currency"] = "EUR" })),
            new IncomingEvent(null, "c-1042", "page_view", "2026-03-02T09:12:04+01:00", null, JsonSerializer.SerializeToElement(new Dictionary<string, object> { ["path"] = "/pricing" })),
        ]),
    };

    /// <summary>An instance of the type, or null for a type it cannot build (an interface it does not know, an abstract class).</summary>
    public static object? Of(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Written.TryGetValue(type, out var written) ? written() : Build(type, null, 0);
    }

    private static object? Build(Type type, string? name, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (Simple(type, name) is { } simple)
        {
            return simple;
        }

        if (depth > MaxDepth || type.IsAbstract && !type.IsInterface)
        {
            return null;
        }

        return Collection(type, name, depth) ?? Composite(type, depth);
    }

    private static object? Simple(Type type, string? name) => type switch
    {
        _ when type == typeof(string) => Text(name),
        _ when type == typeof(bool) => true,
        _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => Convert.ChangeType(Count(name), type, CultureInfo.InvariantCulture),
        _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => Convert.ChangeType(Amount(name), type, CultureInfo.InvariantCulture),
        _ when type == typeof(DateTime) => At,
        _ when type == typeof(DateTimeOffset) => new DateTimeOffset(At),
        _ when type == typeof(DateOnly) => DateOnly.FromDateTime(At),
        _ when type == typeof(TimeSpan) => TimeSpan.FromDays(7),
        _ when type == typeof(Guid) => new Guid("3f2b8c1e-7d4a-4e61-9a0b-2c5d8e9f1a42"),
        _ when type == typeof(byte[]) => new byte[] { 1, 2, 3 },
        _ when type.IsEnum => Enum.GetValues(type).GetValue(0),
        _ when type == typeof(JsonElement) => JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["template"] = "winback-10" }),
        _ when typeof(JsonNode).IsAssignableFrom(type) => new JsonObject { ["template"] = "winback-10" },
        _ when type == typeof(object) => Text(name),
        _ => null,
    };

    private static string Text(string? name) => name is not null && Texts.TryGetValue(name, out var text) ? text
        : name is not null && name.EndsWith("By", StringComparison.Ordinal) ? "marketer@example.com"
        : name is "id" or "Id" ? "c-1042"
        : $"example {name ?? "text"}";

    private static int Count(string? name) => name?.Contains("version", StringComparison.OrdinalIgnoreCase) == true ? 3
        : name?.Contains("days", StringComparison.OrdinalIgnoreCase) == true ? 30
        : name is "recency" or "Recency" or "frequency" or "Frequency" or "monetary" or "Monetary" ? 4
        : 12;

    private static double Amount(string? name) => name?.Contains("cost", StringComparison.OrdinalIgnoreCase) == true || name?.Contains("budget", StringComparison.OrdinalIgnoreCase) == true ? 2.5
        : name?.Contains("monetary", StringComparison.OrdinalIgnoreCase) == true ? 318.4
        : 0.72;

    private static object? Collection(Type type, string? name, int depth)
    {
        if (type.IsArray)
        {
            var element = type.GetElementType()!;
            var array = Array.CreateInstance(element, 1);
            array.SetValue(Build(element, Singular(name), depth + 1), 0);
            return array;
        }

        if ((Generic(type, typeof(IDictionary<,>)) ?? Generic(type, typeof(IReadOnlyDictionary<,>))) is [var keyType, var valueType] && keyType == typeof(string))
        {
            var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(keyType, valueType))!;
            dictionary.Add(Singular(name) ?? "key", Build(valueType, Singular(name), depth + 1));
            return dictionary;
        }

        if (type != typeof(string) && Generic(type, typeof(IEnumerable<>)) is [var item])
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(item))!;
            list.Add(Build(item, Singular(name), depth + 1));
            return type.IsAssignableFrom(list.GetType()) ? list : null;
        }

        return null;
    }

    private static object? Composite(Type type, int depth)
    {
        if (type.IsInterface || type.IsPrimitive)
        {
            return null;
        }

        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        if (constructor is null)
        {
            return type.IsValueType ? Activator.CreateInstance(type) : null;
        }

        var parameters = constructor.GetParameters();
        var instance = constructor.Invoke([.. parameters.Select(p => Build(p.ParameterType, p.Name, depth + 1) ?? Default(p.ParameterType))]);
        var given = parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0 && !given.Contains(p.Name)))
        {
            if (Build(property.PropertyType, property.Name, depth + 1) is { } value)
            {
                property.SetValue(instance, value);
            }
        }

        return instance;
    }

    private static object? Default(Type type) => type.IsValueType ? Activator.CreateInstance(type) : null;

    private static Type[]? Generic(Type type, Type definition) =>
        (type.IsGenericType && type.GetGenericTypeDefinition() == definition ? type : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition))
            ?.GetGenericArguments();

    /// <summary>A list of "roles" holds a "role": the item is named like the list without its plural s.</summary>
    private static string? Singular(string? name) => name is { Length: > 1 } && name.EndsWith('s') ? name[..^1] : name;
}
