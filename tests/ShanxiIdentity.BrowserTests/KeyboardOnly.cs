using Microsoft.Playwright;

namespace ShanxiIdentity.BrowserTests;

/// <summary>Reaches controls with Tab and Shift+Tab only, and checks each one's focus is visible.</summary>
internal sealed class KeyboardOnly(IPage page)
{
    private const int MaxPresses = 80;

    public async Task TypeIntoAsync(ILocator field, string text)
    {
        await ReachAsync(field);
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.PressAsync("Delete");
        await page.Keyboard.TypeAsync(text);
    }

    public async Task PressAsync(ILocator control, string key)
    {
        await ReachAsync(control);
        await page.Keyboard.PressAsync(key);
    }

    /// <summary>A select's option, by pressing the arrow keys until its value is the one wanted.</summary>
    public async Task ChooseAsync(ILocator select, string value)
    {
        await ReachAsync(select);
        for (var i = 0; i < 20 && await select.InputValueAsync() != value; i++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
        }

        Assert.Equal(value, await select.InputValueAsync());
    }

    private async Task ReachAsync(ILocator target)
    {
        foreach (var key in new[] { "Tab", "Shift+Tab" })
        {
            for (var i = 0; i < MaxPresses; i++)
            {
                if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
                {
                    await AssertFocusVisibleAsync(target);
                    return;
                }

                await page.Keyboard.PressAsync(key);
            }
        }

        Assert.Fail($"Not reachable with Tab or Shift+Tab: {target}");
    }

    private static async Task AssertFocusVisibleAsync(ILocator target)
    {
        var outline = await target.EvaluateAsync<double[]>(
            "e => { const s = getComputedStyle(e); return [s.outlineStyle === 'solid' ? parseFloat(s.outlineWidth) : 0, parseFloat(s.outlineOffset) || 0]; }");
        Assert.True(outline[0] >= 2 && outline[1] > 0, $"{target}: focus outline {outline[0]} px, offset {outline[1]} px");
    }
}
