/* Read by Bootstrap Italia's bundle, so it is loaded before it. The bundle includes video.js, which otherwise
   injects <style> elements on every page: our Content-Security-Policy (style-src 'self') blocks them. */
window.VIDEOJS_NO_DYNAMIC_STYLE = true;
