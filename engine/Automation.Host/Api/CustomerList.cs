namespace Automation.Host.Api;

/// <summary>A page of customers and how many match the search.</summary>
public sealed record CustomerList(int Total, IReadOnlyList<CustomerSummary> Customers);
