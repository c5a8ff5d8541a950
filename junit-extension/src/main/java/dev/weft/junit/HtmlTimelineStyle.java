package dev.weft.junit;

/** The style sheet {@link HtmlTimeline} inlines in every page: no fonts or images to load. */
final class HtmlTimelineStyle {
  private HtmlTimelineStyle() {}

  static final String CSS =
      """
      :root { --name: 8em; --col: minmax(8.5em, 15em); --gap: 8em; }
      * { box-sizing: border-box; }
      html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      body { margin: 16px; color: #1d2330; background: #fff;
        font: 13px/1.35 "Segoe UI", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; }
      h1 { font-size: 17px; margin: 0 0 2px; overflow-wrap: anywhere; }
      h2 { font-size: 11px; text-transform: uppercase; letter-spacing: .06em; color: #5a6478;
        margin: 8px 0 4px; }
      p { margin: 4px 0; }
      .run, .hint { color: #5a6478; }
      .hint { font-size: 12px; }
      code, pre { font: 12px/1.4 "DejaVu Sans Mono", "Liberation Mono", Consolas, monospace; }
      code { background: #eef1f6; border: 1px solid #d5dae3; border-radius: 3px; padding: 1px 5px;
        overflow-wrap: anywhere; }
      code.schedule:empty::before { content: '""'; }
      code.replay { user-select: all; }
      .facts { display: flex; flex-wrap: wrap; gap: 0 28px; }
      .fact { flex: 1 1 36em; min-width: 0; }
      pre.failure { margin: 0; padding: 7px 10px; background: #fff4f4; border-left: 4px solid #c62828;
        white-space: pre-wrap; overflow-wrap: anywhere; max-height: 22em; overflow: auto; }
      section.legend { display: flex; flex-wrap: wrap; gap: 6px 18px; align-items: center;
        margin: 12px 0 8px; font-size: 12px; color: #3b4356; }
      .box.sample { display: inline-block; margin: 0 3px 0 0; padding: 0 5px; }
      .time.sample { display: inline-block; }
      .scroll { overflow-x: auto; border: 1px solid #d5dae3; border-radius: 4px; }
      .grid { display: grid; align-items: start; width: fit-content; min-width: 100%; }
      .lane, .axis { display: contents; }
      .name { position: sticky; left: 0; z-index: 3; align-self: stretch; padding: 6px 8px;
        background: #fff; border-right: 2px solid #c3cad6; font-weight: bold;
        overflow-wrap: anywhere; }
      .axis .name { color: #5a6478; font-weight: normal; font-size: 11px; padding-top: 4px; }
      .band { grid-column: 1 / -1; align-self: stretch; border-top: 1px solid #e3e7ee; }
      .lane.even .band, .lane.even .name { background: #f6f8fb; }
      .lane.failed .name { color: #b71c1c; }
      .lane.blocked .name { color: #a65c00; }
      .name .tag { display: block; font-weight: normal; font-size: 11px; }
      .time { justify-self: start; margin: 3px 0 3px 2px; padding: 0 6px; border-radius: 9px;
        background: #2f3b52; color: #fff; font-size: 11px; font-weight: bold; }
      .advance { justify-self: start; align-self: stretch; width: 0; z-index: 0;
        border-left: 2px dashed #7d889c; }
      .gap { align-self: stretch; z-index: 2; padding: 8px 6px; text-align: center;
        background: repeating-linear-gradient(135deg, #eef1f6 0 6px, #fff 6px 12px);
        color: #3b4356; font-weight: bold; border-left: 1px solid #c3cad6;
        border-right: 1px solid #c3cad6; }
      .box { position: relative; z-index: 1; margin: 4px 3px; padding: 3px 6px; font-size: 12px;
        background: #fff; border: 1px solid #9aa5b8; border-radius: 4px;
        overflow-wrap: anywhere; }
      .box .head { color: #5a6478; }
      .box .head b { color: #1d2330; }
      .box .op .item { font-weight: bold; }
      .box .more { color: #5a6478; }
      .box .end { color: #3b4356; font-style: italic; }
      .box.callback, .box.note { border-style: dotted; background: #fbfbfd; color: #5a6478; }
      .box.callback .end, .box.note .end { font-style: normal; color: #3b4356; }
      .box.picked { border: 2px solid #6a1b9a; box-shadow: 3px 3px 0 #e1bee7; }
      .mark.star { color: #6a1b9a; }
      .box.switched { background: #e6f4f1; border-right: 6px double #00796b; }
      .mark.swap { color: #00796b; }
      .box.failed { background: #fde4e4; border: 2px solid #c62828; }
      .box.failed .end { color: #b71c1c; font-style: normal; font-weight: bold; }
      .box.blocked { background: #fff1d6; border: 2px solid #e08a00; }
      .box.blocked .end { color: #7a4300; font-style: normal; }
      .box .tag { margin-top: 2px; font-weight: bold; font-style: normal; color: #a65c00; }
      .box.unwound { opacity: .7; border-style: dashed; }
      .box.sample.failed { color: #b71c1c; font-weight: bold; }
      .box.sample.blocked { color: #a65c00; font-weight: bold; }
      @media print {
        :root { --name: 6.5em; --col: minmax(5.5em, 15em); --gap: 6em; }
        body { margin: 0; font-size: 10px; }
        .box { font-size: 9px; padding: 2px 3px; margin: 3px 2px; }
        .scroll { overflow: visible; border: 0; }
        pre.failure { max-height: none; }
        .hover { display: none; }
      }
      """;
}
