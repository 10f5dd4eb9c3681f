/**
 * A short confirmation in the chat page (e.g. after Alt+X 询单 +1): text only, in a closed-off shadow root. It sits
 * at the top centre of the window, away from the reply box and 发送 (consoles keep both at the bottom), and takes no
 * clicks: whatever is under it still gets them while it shows.
 */
export function showToast(doc: Document, text: string, ms = 1500): void {
  doc.querySelector('kefu-toast')?.remove();
  const host = doc.createElement('kefu-toast');
  const root = host.attachShadow({ mode: 'closed' });
  const box = doc.createElement('div');
  box.setAttribute('role', 'status');
  box.textContent = text;
  box.style.cssText =
    'position:fixed;z-index:2147483647;top:12px;left:50%;transform:translateX(-50%);pointer-events:none;padding:6px 12px;border-radius:6px;background:#065f46;color:#fff;' +
    "font:13px/1.4 system-ui,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;box-shadow:0 4px 12px rgb(0 0 0 / .2)";
  root.append(box);
  doc.documentElement.append(host);
  setTimeout(() => host.remove(), ms);
}
