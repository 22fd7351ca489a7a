using Automation.Engine.Profiles;
using Automation.Storage.Events;
using Automation.Storage.Profiles;

namespace Automation.Engine.Processing;

/// <summary>A customer of the batch once folded, scored and evaluated.</summary>
public sealed record EvaluatedCustomer(string CustomerId, List<StoredEvent> Events, CustomerProfile Profile, ProfileState State, CustomerFeatures Features, CustomerScores Scores);
