/* Closes a program's windows the way a window manager does when the user clicks ×: a
 * WM_PROTOCOLS/WM_DELETE_WINDOW client message to each top-level window whose _NET_WM_PID is the
 * given pid. (WebDriver's "close window" does not go through the toolkit's close request, and
 * there is no window manager under Xvfb.) Usage: x11-close PID. Exit 0 when a window was asked
 * to close, 1 when none was found, 2 on error. Built by the e2e harness with `cc ... -lX11`. */
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <stdio.h>
#include <stdlib.h>

static int closed = 0;

static long pid_of(Display *dpy, Window w, Atom net_wm_pid) {
  Atom type;
  int format;
  unsigned long n, after;
  unsigned char *data = NULL;
  long pid = -1;
  if (XGetWindowProperty(dpy, w, net_wm_pid, 0, 1, False, XA_CARDINAL, &type, &format, &n, &after,
                         &data) == Success &&
      data && n == 1 && format == 32)
    pid = *(long *)data;
  if (data) XFree(data);
  return pid;
}

static void walk(Display *dpy, Window w, long pid, Atom net_wm_pid, Atom protocols, Atom del) {
  if (pid_of(dpy, w, net_wm_pid) == pid) {
    XWindowAttributes attrs;
    if (XGetWindowAttributes(dpy, w, &attrs) && attrs.map_state == IsViewable) {
      XEvent ev = {0};
      ev.xclient.type = ClientMessage;
      ev.xclient.window = w;
      ev.xclient.message_type = protocols;
      ev.xclient.format = 32;
      ev.xclient.data.l[0] = (long)del;
      ev.xclient.data.l[1] = CurrentTime;
      XSendEvent(dpy, w, False, NoEventMask, &ev);
      closed++;
      return;
    }
  }
  Window root, parent, *children = NULL;
  unsigned int n = 0;
  if (XQueryTree(dpy, w, &root, &parent, &children, &n)) {
    for (unsigned int i = 0; i < n; i++) walk(dpy, children[i], pid, net_wm_pid, protocols, del);
    if (children) XFree(children);
  }
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: x11-close PID\n");
    return 2;
  }
  long pid = strtol(argv[1], NULL, 10);
  Display *dpy = XOpenDisplay(NULL);
  if (!dpy) {
    fprintf(stderr, "x11-close: cannot open display\n");
    return 2;
  }
  Atom net_wm_pid = XInternAtom(dpy, "_NET_WM_PID", False);
  Atom protocols = XInternAtom(dpy, "WM_PROTOCOLS", False);
  Atom del = XInternAtom(dpy, "WM_DELETE_WINDOW", False);
  walk(dpy, DefaultRootWindow(dpy), pid, net_wm_pid, protocols, del);
  XSync(dpy, False);
  XCloseDisplay(dpy);
  printf("%d\n", closed);
  return closed > 0 ? 0 : 1;
}
