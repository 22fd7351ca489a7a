using Automation.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Automation.Browser.Tests.Quality;

[Collection(BrowserCollection.Name)]
public sealed class MarkupNamesTests(BrowserFixture fixture)
{
    // Were any of these rendered as HTML, the image would fail to load and its handler set window.__xss.
    private const string WorkflowName = "<img src=x onerror=\"window.__xss='workflow'\"><b>Spring sale</b>";
    private const string SegmentName = "<img src=x onerror=\"window.__xss='segment'\">Big <i>spenders</i>";
    private const string PersonName = "<script>window.__xss='user'</script><u>Eve</u>";

    [ServiceFact(TestServices.Chromium)]
    public async Task Workflow_segment_and_user_names_with_markup_show_as_text()
    {
        await using var session = fixture.NewSession();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var segmentKey = $"markup-{suffix}";
        var workflowId = $"markup-{suffix}";
        var email = $"eve-{suffix}@automation.local";
        using (var marketer = await fixture.ApiAsAsync(TestUser.Marketer))
        {
            await marketer.PutAsync($"/api/segments/{segmentKey}", new { name = SegmentName, description = SegmentName, expression = "Features.Purchases >= 1000" });
            await marketer.PostAsync("/api/workflows", new
            {
                id = workflowId,
                name = WorkflowName,
                description = WorkflowName,
                trigger = new { type = "segment.entered", segment = segmentKey },
                reentry = new { policy = "once" },
                activities = new object[] { new { id = "end", type = "end", displayName = WorkflowName } },
                connections = Array.Empty<object>(),
            });
        }

        using (var admin = await fixture.ApiAsAsync(TestUser.Admin))
        {
            await admin.PostAsync("/api/users", new { email, displayName = PersonName, password = TestUser.DefaultPassword, roles = new[] { "marketer" } });
        }

        var page = await session.SignInAsync(TestUser.Admin, "/workflows");
        await Expect(page.GetByTestId($"workflow-{workflowId}")).ToContainTextAsync(WorkflowName);
        await ExpectNothingInjectedAsync(page);

        await page.GotoAsync($"/workflows/{workflowId}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(WorkflowName);
        await Expect(page.GetByTestId("node-trigger")).ToContainTextAsync(SegmentName);
        await Expect(page.GetByTestId("node-end")).ToContainTextAsync(WorkflowName);
        await ExpectNothingInjectedAsync(page);

        await page.GotoAsync($"/segments/{segmentKey}");
        await Expect(page.GetByTestId($"segment-{segmentKey}")).ToContainTextAsync(SegmentName);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = SegmentName })).ToBeVisibleAsync();
        await ExpectNothingInjectedAsync(page);

        await page.GotoAsync("/users");
        await Expect(page.GetByTestId($"user-{email}")).ToContainTextAsync(PersonName);
        await ExpectNothingInjectedAsync(page);
        await session.FinishAsync();
    }

    private static async Task ExpectNothingInjectedAsync(IPage page)
    {
        await Expect(page.Locator("main img[src='x'], main b, main i, main u, main script")).ToHaveCountAsync(0);
        Assert.Null(await page.EvaluateAsync<string?>("() => window.__xss ?? null"));
    }
}
