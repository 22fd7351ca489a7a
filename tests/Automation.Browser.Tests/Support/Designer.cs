using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Automation.Browser.Tests.Support;

/// <summary>What a person does with the mouse on the designer's canvas.</summary>
public static class Designer
{
    /// <summary>HTML5 drag and drop of a palette item onto the canvas, at a point relative to the canvas' top-left corner.</summary>
    public static async Task DropFromPaletteAsync(IPage page, string paletteTestId, float x, float y)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GetByTestId(paletteTestId).DragToAsync(page.GetByTestId("canvas"), new LocatorDragToOptions
        {
            TargetPosition = new TargetPosition { X = x, Y = y },
            Steps = 5,
        });
    }

    /// <summary>Drags from a step's outcome port to another step's input handle, as React Flow expects from a mouse.</summary>
    public static async Task ConnectAsync(IPage page, string fromNode, string port, string toNode)
    {
        ArgumentNullException.ThrowIfNull(page);
        var source = page.Locator($"[data-testid=\"node-{fromNode}\"] .react-flow__handle[data-handleid=\"{port}\"]");
        var target = page.Locator($"[data-testid=\"node-{toNode}\"] .react-flow__handle.target");
        var from = await CentreAsync(source);
        var to = await CentreAsync(target);
        await page.Mouse.MoveAsync(from.X, from.Y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(from.X + 5, from.Y + 10, new MouseMoveOptions { Steps = 2 });
        await page.Mouse.MoveAsync(to.X, to.Y, new MouseMoveOptions { Steps = 12 });
        await page.Mouse.UpAsync();
    }

    /// <summary>
    /// Picks from a searchable picker (segment, email, action) as a mouse user does: types to narrow the list, then
    /// clicks the choice whose name starts with <paramref name="choice"/>; the box then shows that choice.
    /// </summary>
    public static async Task PickAsync(ILocator picker, string typed, string choice)
    {
        ArgumentNullException.ThrowIfNull(picker);
        await picker.FillAsync(typed);
        await picker.Page.GetByRole(AriaRole.Option, new() { NameRegex = new Regex("^" + Regex.Escape(choice)) }).ClickAsync();
        await Expect(picker).ToHaveValueAsync(choice);
    }

    /// <summary>Auto-layout, then wait until the canvas stops moving (it fits the view with an animation).</summary>
    public static async Task AutoLayoutAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Auto-layout" }).ClickAsync();
        await WaitUntilStillAsync(page);
    }

    /// <summary>Resolves once the viewport and every node kept their place for 15 animation frames.</summary>
    public static Task WaitUntilStillAsync(IPage page) =>
        page.EvaluateAsync("""
            () => new Promise(resolve => {
              let last = '', still = 0;
              const tick = () => {
                const viewport = document.querySelector('.react-flow__viewport');
                const now = (viewport ? viewport.style.transform : '') + '|' +
                  [...document.querySelectorAll('.react-flow__node')].map(n => n.style.transform).join(',');
                still = now === last ? still + 1 : 0;
                last = now;
                if (still >= 15) resolve(true); else requestAnimationFrame(tick);
              };
              tick();
            })
            """);

    private static async Task<(float X, float Y)> CentreAsync(ILocator locator)
    {
        await locator.ScrollIntoViewIfNeededAsync();
        var box = await locator.BoundingBoxAsync() ?? throw new InvalidOperationException($"{locator} is not visible");
        return (box.X + (box.Width / 2), box.Y + (box.Height / 2));
    }
}
