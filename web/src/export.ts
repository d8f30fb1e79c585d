/** Take-away files: charts as SVG or PNG, tables as CSV, the scenario as YAML, the network as GeoJSON. */

export function download(name: string, content: Blob | string, type = "text/plain"): void {
  const blob = typeof content === "string" ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Standalone SVG text of a chart or the map, with its namespaces and a white background. */
export function svgText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  copy.setAttribute("xmlns:xlink", "http://www.w3.org/1999/xlink");
  if (!copy.getAttribute("width")) {
    const box = svg.getBoundingClientRect();
    copy.setAttribute("width", String(Math.round(box.width) || 900));
    copy.setAttribute("height", String(Math.round(box.height) || 600));
  }
  // Inline the page's map styles, so the file looks the same elsewhere.
  const style = document.createElementNS("http://www.w3.org/2000/svg", "style");
  style.textContent = MAP_STYLE;
  copy.prepend(style);
  return new XMLSerializer().serializeToString(copy);
}

const MAP_STYLE = `
.sea{fill:#eef4f8}.country{fill:#f4f1ea;stroke:#b8b2a6;stroke-width:.5}.zone{fill:#D55E00;stroke:#D55E00;stroke-width:18;stroke-linejoin:round;stroke-linecap:round}
.link{stroke-linecap:round}.crossing-line{stroke-linecap:round}.crossing{stroke:#fff;stroke-width:1.5}.node{fill:#333}
.node-label{font:10px sans-serif;fill:#222}.actant{fill:#000}.cursor{stroke:#000;stroke-width:1}
text{font-family:system-ui,sans-serif}`;

export async function svgToPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const text = svgText(svg);
  const url = URL.createObjectURL(new Blob([text], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error("the chart could not be drawn as an image"));
      image.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = image.width * scale;
    canvas.height = image.height * scale;
    const context = canvas.getContext("2d")!;
    context.fillStyle = "#fff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("no PNG"))), "image/png"),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A row of small export buttons. */
export function exportButtons(
  items: { label: string; title: string; action: () => void | Promise<void> }[],
): HTMLElement {
  const box = document.createElement("span");
  box.className = "exports";
  for (const item of items) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "small";
    b.textContent = item.label;
    b.title = item.title;
    b.addEventListener("click", () => void item.action());
    box.append(b);
  }
  return box;
}
