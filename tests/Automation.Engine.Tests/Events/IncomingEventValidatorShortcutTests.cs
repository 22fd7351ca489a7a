using Automation.Engine.Events;
using Automation.Testing;

namespace Automation.Engine.Tests.Events;

/// <summary>
/// The validator accepts a plainly valid event without running its rules: it must never accept an event the rules
/// refuse, and it must take the ordinary valid event (or it saves nothing).
/// </summary>
public sealed class IncomingEventValidatorShortcutTests
{
    [Fact]
    public void The_shortcut_accepts_no_event_the_rules_refuse_and_takes_ordinary_valid_events()
    {
        var validator = new IncomingEventValidator(TimeProvider.System);
        var random = new Random(20261206);
        var (checkedItems, refusedByRules, shortcut) = (0, 0, 0);
        for (var i = 0; i < 20_000; i++)
        {
            var parsed = EventBatchParser.Parse(BadEventBatches.Batch(random, "shortcut"));
            foreach (var item in parsed.BodyError is null ? parsed.Items : [])
            {
                if (item is null)
                {
                    continue;
                }

                checkedItems++;
                var byRules = validator.ValidateByRules(item);
                refusedByRules += byRules.IsValid ? 0 : 1;
                if (validator.PlainlyValid(item))
                {
                    shortcut++;
                    Assert.True(byRules.IsValid, $"the shortcut accepted {item} but the rules say: {string.Join("; ", byRules.Errors)}");
                }

                // Through the public entry point the verdict is the rules' verdict, shortcut or not.
                Assert.Equal(byRules.IsValid, validator.Validate(item).IsValid);
            }
        }

        // Every generated batch holds one broken event among valid ones: both kinds were checked, and the valid ones
        // (identify events apart) took the shortcut.
        Assert.True(refusedByRules > 15_000, $"{refusedByRules} refused");
        Assert.True(shortcut > 0.9 * (checkedItems - refusedByRules), $"{shortcut} of {checkedItems - refusedByRules} valid events took the shortcut");
    }
}
