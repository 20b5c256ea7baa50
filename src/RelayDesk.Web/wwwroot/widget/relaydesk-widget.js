/*!
 * RelayDesk customer chat widget.
 * Plain ES2020, no build step, no framework. Requires the global `signalR`
 * object from @microsoft/signalr to be loaded before this script.
 *
 * Usage:
 *   RelayDesk.mount(document.getElementById('relaydesk-chat'), { server: '', language: 'de', open: true });
 *   A signed-in customer's token (option `customerToken`) links new chats to their account, so the assistant
 *   can answer with their real figures; without it chats are anonymous.
 *
 * Security: all user/server supplied text is rendered with textContent or
 * setAttribute only – never innerHTML.
 */
(function (global) {
  'use strict';

  const STORAGE_KEY = 'relaydesk.session';
  const MAX_LENGTH = 4000;
  const COUNTER_THRESHOLD = 3500;
  const KNOWN_AUTHORS = ['customer', 'assistant', 'agent', 'system'];
  const KNOWN_STATES = ['assistant', 'queued', 'assigned', 'resolved', 'closed'];
  const RESTART_DELAYS = [1000, 2000, 5000, 10000, 15000, 30000];
  const START_RETRY_DELAYS = [3000, 5000, 10000, 20000, 30000];
  const MAX_JOIN_RETRIES = 5;

  // ---------------------------------------------------------------------------
  // UI strings (German and English are first-class)
  // ---------------------------------------------------------------------------
  const STRINGS = {
    en: {
      title: 'Customer support',
      subtitle: 'AI assistant & our team',
      openChat: 'Open chat',
      closeChat: 'Close chat',
      minimize: 'Minimise chat',
      newMessages: 'new messages',
      languageGroup: 'Language',
      langDe: 'Deutsch',
      langEn: 'English',
      messagesLabel: 'Chat messages',
      inputLabel: 'Your message',
      placeholder: 'Type your message…',
      send: 'Send message',
      talkToHuman: 'Talk to a human',
      endChat: 'End chat',
      newChat: 'Start a new chat',
      statusAssistant: 'You are chatting with our AI assistant.',
      statusQueued: 'Finding a person for you – you are number {n} in the queue.',
      statusQueuedNoPosition: 'Finding a person for you…',
      statusAssigned: '{name} joined the chat.',
      statusAssignedNoName: 'A member of our team joined the chat.',
      statusResolved: 'Your conversation was resolved.',
      connecting: 'Connecting…',
      reconnecting: 'Reconnecting…',
      unavailable: 'The live chat connection is not available right now.',
      assistantLabel: 'Assistant',
      agentLabel: 'Support team',
      youLabel: 'You',
      sending: 'Sending…',
      tooLong: 'Message is longer than 4000 characters.',
      empty: 'Message is empty.',
      startFailed: 'The chat could not be started. We will try again shortly.',
      networkError: 'The server could not be reached. Please check your connection.',
      genericError: 'Something went wrong. Please try again.',
      counter: '{n} / {max}',
      etaSoon: 'A person should be with you within a minute.',
      etaRange: 'Estimated wait: {min}–{max} minutes.',
      callbackOutOfHours: 'Our team is away right now and back {when}. Book a callback instead of waiting:',
      callbackNoAgent: 'Nobody who can help with this is available right now. Book a callback instead of waiting:',
      callbackLongWait: 'The wait is longer than usual. Book a callback instead of waiting:',
      callbackSlots: 'Callback times',
      keepPlace: 'Keep my place – reply here',
      callbackBooked: 'Callback booked: a person gets back to you {when}.',
      emailReplyIntro: 'Or keep your place and get our replies by e-mail while you are away:',
      emailReplyInput: 'Your e-mail address',
      emailReplyButton: 'Keep my place – reply by e-mail',
      emailReplyAccount: 'Keep my place – reply by e-mail to my account address',
      emailReplyInvalid: 'Please enter a valid e-mail address.',
      emailReplyChosen: 'You keep your place. While you are away from the chat, we e-mail our replies to {to}.'
    },
    de: {
      title: 'Kundenservice',
      subtitle: 'KI-Assistent & unser Team',
      openChat: 'Chat öffnen',
      closeChat: 'Chat schließen',
      minimize: 'Chat minimieren',
      newMessages: 'neue Nachrichten',
      languageGroup: 'Sprache',
      langDe: 'Deutsch',
      langEn: 'English',
      messagesLabel: 'Chatnachrichten',
      inputLabel: 'Ihre Nachricht',
      placeholder: 'Ihre Nachricht…',
      send: 'Nachricht senden',
      talkToHuman: 'Mit einem Menschen sprechen',
      endChat: 'Chat beenden',
      newChat: 'Neuen Chat starten',
      statusAssistant: 'Sie chatten mit unserem KI-Assistenten.',
      statusQueued: 'Wir suchen eine Person für Sie – Sie sind Nummer {n} in der Warteschlange.',
      statusQueuedNoPosition: 'Wir suchen eine Person für Sie…',
      statusAssigned: '{name} ist dem Chat beigetreten.',
      statusAssignedNoName: 'Eine Person aus unserem Team ist dem Chat beigetreten.',
      statusResolved: 'Ihr Anliegen wurde gelöst.',
      connecting: 'Verbindung wird aufgebaut…',
      reconnecting: 'Verbindung wird wiederhergestellt…',
      unavailable: 'Die Chat-Verbindung ist gerade nicht verfügbar.',
      assistantLabel: 'Assistent',
      agentLabel: 'Kundenservice',
      youLabel: 'Sie',
      sending: 'Wird gesendet…',
      tooLong: 'Die Nachricht ist länger als 4000 Zeichen.',
      empty: 'Die Nachricht ist leer.',
      startFailed: 'Der Chat konnte nicht gestartet werden. Wir versuchen es gleich erneut.',
      networkError: 'Der Server ist nicht erreichbar. Bitte prüfen Sie Ihre Verbindung.',
      genericError: 'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',
      counter: '{n} / {max}',
      etaSoon: 'Gleich ist jemand für Sie da – in etwa einer Minute.',
      etaRange: 'Geschätzte Wartezeit: {min}–{max} Minuten.',
      callbackOutOfHours: 'Unser Team ist gerade nicht da und {when} wieder erreichbar. Buchen Sie einen Rückruf, statt zu warten:',
      callbackNoAgent: 'Gerade ist niemand da, der Ihnen hierbei helfen kann. Buchen Sie einen Rückruf, statt zu warten:',
      callbackLongWait: 'Die Wartezeit ist länger als üblich. Buchen Sie einen Rückruf, statt zu warten:',
      callbackSlots: 'Rückrufzeiten',
      keepPlace: 'Platz behalten – hier antworten',
      callbackBooked: 'Rückruf gebucht: Wir melden uns {when}.',
      emailReplyIntro: 'Oder behalten Sie Ihren Platz und bekommen unsere Antworten per E-Mail, solange Sie nicht im Chat sind:',
      emailReplyInput: 'Ihre E-Mail-Adresse',
      emailReplyButton: 'Platz behalten – per E-Mail antworten',
      emailReplyAccount: 'Platz behalten – per E-Mail an meine Konto-Adresse antworten',
      emailReplyInvalid: 'Bitte geben Sie eine gültige E-Mail-Adresse ein.',
      emailReplyChosen: 'Ihr Platz bleibt erhalten. Solange Sie nicht im Chat sind, schicken wir unsere Antworten an {to}.'
    }
  };

  function normalizeLanguage(value) {
    if (typeof value !== 'string') return null;
    const v = value.trim().toLowerCase();
    if (v.startsWith('de')) return 'de';
    if (v.startsWith('en')) return 'en';
    return null;
  }

  function detectLanguage() {
    const nav = global.navigator;
    const lang = nav && typeof nav.language === 'string' ? nav.language.toLowerCase() : '';
    return lang.startsWith('de') ? 'de' : 'en';
  }

  function format(template, params) {
    return String(template).replace(/\{(\w+)\}/g, function (match, key) {
      return params && params[key] != null ? String(params[key]) : match;
    });
  }

  // ---------------------------------------------------------------------------
  // Session persistence (localStorage key `relaydesk.session`)
  // ---------------------------------------------------------------------------
  function loadSession() {
    try {
      const raw = global.localStorage.getItem(STORAGE_KEY);
      if (!raw) return null;
      const s = JSON.parse(raw);
      if (!s || typeof s !== 'object' || !s.id || !s.token) return null;
      return {
        id: String(s.id),
        token: String(s.token),
        lastSeq: Number.isFinite(Number(s.lastSeq)) ? Number(s.lastSeq) : 0,
        language: normalizeLanguage(s.language)
      };
    } catch (_) {
      return null;
    }
  }

  function saveSession(session) {
    try {
      global.localStorage.setItem(STORAGE_KEY, JSON.stringify({
        id: session.id,
        token: session.token,
        lastSeq: session.lastSeq,
        language: session.language
      }));
    } catch (_) { /* storage unavailable (private mode, quota) – keep working in memory */ }
  }

  function clearSession() {
    try { global.localStorage.removeItem(STORAGE_KEY); } catch (_) { /* ignore */ }
  }

  // ---------------------------------------------------------------------------
  // Helpers
  // ---------------------------------------------------------------------------
  function newClientMessageId() {
    const c = global.crypto;
    if (c && typeof c.randomUUID === 'function') {
      try { return c.randomUUID(); } catch (_) { /* insecure context – fall through */ }
    }
    const b = new Uint8Array(16);
    if (c && typeof c.getRandomValues === 'function') {
      c.getRandomValues(b);
    } else {
      for (let i = 0; i < 16; i++) b[i] = Math.floor(Math.random() * 256);
    }
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const hex = Array.from(b, function (x) { return x.toString(16).padStart(2, '0'); }).join('');
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' +
      hex.slice(16, 20) + '-' + hex.slice(20);
  }

  function normalizeText(text) {
    return String(text == null ? '' : text).replace(/\r\n?/g, '\n').trim();
  }

  /** Creates an element. Text goes through textContent, attributes through setAttribute. */
  function h(tag, props, children) {
    const node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (key) {
        const value = props[key];
        if (value == null || value === false) return;
        if (key === 'className') node.className = value;
        else if (key === 'text') node.textContent = value;
        else node.setAttribute(key, value === true ? '' : String(value));
      });
    }
    if (children) {
      children.forEach(function (child) { if (child) node.appendChild(child); });
    }
    return node;
  }

  const ICON_PATHS = {
    chat: ['M5 4h14a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2h-8l-5 4v-4H5a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z'],
    close: ['M6 6l12 12', 'M18 6L6 18'],
    minimize: ['M6 12h12'],
    send: ['M4 12l16-8-6 16-2.5-6.5z', 'M11.5 13.5L20 4'],
    person: ['M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8z', 'M4 21a8 8 0 0 1 16 0']
  };

  function icon(name) {
    const NS = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(NS, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    svg.setAttribute('class', 'relaydesk-icon relaydesk-icon--' + name);
    (ICON_PATHS[name] || []).forEach(function (d) {
      const path = document.createElementNS(NS, 'path');
      path.setAttribute('d', d);
      svg.appendChild(path);
    });
    return svg;
  }

  function hubAvailable() {
    return !!(global.signalR && global.signalR.HubConnectionBuilder);
  }

  function isConnected(conn) {
    if (!conn) return false;
    const connectedState = global.signalR && global.signalR.HubConnectionState
      ? global.signalR.HubConnectionState.Connected : 'Connected';
    return conn.state === connectedState;
  }

  function isDisconnected(conn) {
    if (!conn) return true;
    const disconnectedState = global.signalR && global.signalR.HubConnectionState
      ? global.signalR.HubConnectionState.Disconnected : 'Disconnected';
    return conn.state === disconnectedState;
  }

  /** True when an invoke failed because of the transport, not because the server rejected it. */
  function isConnectionError(err) {
    const msg = err && err.message ? String(err.message) : '';
    return /connection being closed|not in the 'Connected' State|Invocation canceled|connection was stopped|WebSocket closed|Server timeout/i.test(msg);
  }

  function isAuthError(err) {
    if (!err) return false;
    if (err.statusCode === 401 || err.statusCode === 403 || err.status === 401 || err.status === 403) return true;
    return /Status code '40[13]'|\bUnauthorized\b|\bForbidden\b/i.test(String(err.message || ''));
  }

  /**
   * Extracts the readable server text from an error. Hub errors look like
   * "An unexpected error occurred invoking 'SendMessage' on the server. HubException: Message is empty".
   */
  function readableError(err, fallback) {
    if (!err) return fallback;
    let msg = String(err.message || '').trim();
    if (err.isHttp) return msg || fallback;
    const prefix = /^An unexpected error occurred invoking '[^']*' on the server\.\s*/i;
    if (prefix.test(msg)) {
      msg = msg.replace(prefix, '').replace(/^[A-Za-z0-9_.]*Exception:\s*/, '').trim();
      return msg || fallback;
    }
    if (/^(Error|HubException):\s*/.test(msg)) msg = msg.replace(/^(Error|HubException):\s*/, '').trim();
    return msg || fallback;
  }

  let instanceCounter = 0;

  // ---------------------------------------------------------------------------
  // Widget
  // ---------------------------------------------------------------------------
  class RelayDeskWidget {
    constructor(root, options) {
      this.root = root;
      this.options = options || {};
      this.server = String(this.options.server || '').replace(/\/+$/, '');
      const stored = loadSession();
      this.language = normalizeLanguage(this.options.language) ||
        (stored && stored.language) || detectLanguage();

      this.session = null;          // { id, token, lastSeq, language }
      this.view = null;             // last ConversationView
      this.connection = null;       // current signalR.HubConnection
      this.connectionState = 'idle';// idle | connecting | connected | reconnecting | unavailable
      this.joined = false;          // current connection completed Join
      this.joinedOnce = false;      // a Join succeeded since page load/new chat -> later Joins use lastSeq
      this.lastSeq = 0;             // highest seq received via Join or "message" event
      this.messages = new Map();    // seq -> { message, el, provisional }
      this.pending = [];            // customer messages not yet acknowledged
      this.flushing = false;
      this.epoch = 0;               // incremented when the conversation is replaced
      this.startPromise = null;
      this.startRetryTimer = null;
      this.startRetryCount = 0;
      this.restartTimer = null;
      this.restartAttempt = 0;
      this.joinRetryTimer = null;
      this.joinRetryCount = 0;
      this.authResets = 0;
      this.error = null;            // { key, params } | { text }
      this.isOpen = false;
      this.unread = 0;
      this.humanBusy = false;
      this.endBusy = false;
      this.uid = ++instanceCounter;

      this.onOnline = this.onOnline.bind(this);
      this.onKeydownPanel = this.onKeydownPanel.bind(this);

      this.build();
      this.applyLanguage();
      global.addEventListener('online', this.onOnline);

      if (this.options.open) {
        this.open({ focus: false });
      } else if (stored) {
        // Resume in the background so agent replies can raise the unread badge.
        this.ensureStarted().catch(function () { /* shown in error line */ });
      }
    }

    // -- public debugging surface ---------------------------------------------
    get conversationId() { return this.session ? this.session.id : null; }
    get state() { return this.view ? this.view.state : null; }
    get queuePosition() { return this.view ? this.view.queuePosition : null; }
    get assignedAgent() { return this.view ? this.view.assignedAgent : null; }

    t(key, params) {
      const dict = STRINGS[this.language] || STRINGS.en;
      const template = dict[key] != null ? dict[key] : (STRINGS.en[key] != null ? STRINGS.en[key] : key);
      return format(template, params);
    }

    // -- DOM ------------------------------------------------------------------
    build() {
      const id = 'relaydesk-' + this.uid;
      this.ids = {
        panel: id + '-panel',
        title: id + '-title',
        input: id + '-input',
        counter: id + '-counter',
        error: id + '-error'
      };

      this.root.classList.add('relaydesk-root');
      this.root.textContent = '';

      // Launcher bubble
      this.launcherBadge = h('span', { className: 'relaydesk-launcher-badge', hidden: true, 'aria-hidden': 'true' });
      this.launcher = h('button', {
        type: 'button',
        className: 'relaydesk-launcher',
        'aria-controls': this.ids.panel,
        'aria-expanded': 'false',
        'data-testid': 'chat-launcher'
      }, [icon('chat'), icon('close'), this.launcherBadge]);
      this.launcher.addEventListener('click', () => {
        if (this.isOpen) this.close({ focusLauncher: true });
        else this.open({ focus: true });
      });

      // Header
      this.titleEl = h('h2', { id: this.ids.title, className: 'relaydesk-title' });
      this.subtitleEl = h('p', { className: 'relaydesk-subtitle' });
      this.langDeBtn = h('button', { type: 'button', className: 'relaydesk-lang-btn', 'data-testid': 'lang-de', lang: 'de', text: 'DE' });
      this.langEnBtn = h('button', { type: 'button', className: 'relaydesk-lang-btn', 'data-testid': 'lang-en', lang: 'en', text: 'EN' });
      this.langDeBtn.addEventListener('click', () => this.setLanguage('de'));
      this.langEnBtn.addEventListener('click', () => this.setLanguage('en'));
      this.langGroup = h('div', { className: 'relaydesk-lang', role: 'group' }, [this.langDeBtn, this.langEnBtn]);
      this.minimizeBtn = h('button', { type: 'button', className: 'relaydesk-icon-btn relaydesk-minimize' }, [icon('minimize')]);
      this.minimizeBtn.addEventListener('click', () => this.close({ focusLauncher: true }));
      const header = h('header', { className: 'relaydesk-header' }, [
        h('div', { className: 'relaydesk-header-text' }, [this.titleEl, this.subtitleEl]),
        this.langGroup,
        this.minimizeBtn
      ]);

      // Banners: connection state + conversation status
      this.connectionEl = h('p', { className: 'relaydesk-connection', 'data-testid': 'chat-connection', role: 'status', 'aria-live': 'polite' });
      this.statusEl = h('p', { className: 'relaydesk-status', 'data-testid': 'chat-status', role: 'status', 'aria-live': 'polite' });
      this.newChatBtn = h('button', { type: 'button', className: 'relaydesk-btn relaydesk-btn--primary relaydesk-new-chat', 'data-testid': 'new-chat', hidden: true });
      this.newChatBtn.addEventListener('click', () => this.newChat({ focusInput: true }));
      this.etaEl = h('p', { className: 'relaydesk-eta', 'data-testid': 'chat-eta', hidden: true });
      this.callbackEl = h('div', { className: 'relaydesk-callback', 'data-testid': 'callback-offer', hidden: true });
      this.emailReplyEl = h('p', { className: 'relaydesk-eta relaydesk-email-reply-status', 'data-testid': 'email-reply-status', hidden: true });
      this.statusWrap = h('div', { className: 'relaydesk-status-wrap' }, [this.statusEl, this.etaEl, this.emailReplyEl, this.callbackEl, this.newChatBtn]);
      const banners = h('div', { className: 'relaydesk-banners' }, [this.connectionEl, this.statusWrap]);

      // Message list
      this.list = h('div', {
        className: 'relaydesk-messages',
        'data-testid': 'chat-messages',
        role: 'log',
        'aria-live': 'polite',
        'aria-relevant': 'additions',
        tabindex: '0'
      });

      // Error line
      this.errorEl = h('p', { id: this.ids.error, className: 'relaydesk-error', 'data-testid': 'chat-error', role: 'alert' });

      // Toolbar: talk to a human (always visible) + end chat
      this.humanLabel = h('span', { className: 'relaydesk-btn-label' });
      this.humanBtn = h('button', { type: 'button', className: 'relaydesk-btn relaydesk-btn--outline relaydesk-human', 'data-testid': 'talk-to-human' }, [icon('person'), this.humanLabel]);
      this.humanBtn.addEventListener('click', () => this.requestHuman());
      this.endChatBtn = h('button', { type: 'button', className: 'relaydesk-link-btn relaydesk-end-chat', 'data-testid': 'end-chat' });
      this.endChatBtn.addEventListener('click', () => this.endChat());
      const toolbar = h('div', { className: 'relaydesk-toolbar' }, [this.humanBtn, this.endChatBtn]);

      // Composer
      this.inputLabel = h('label', { className: 'relaydesk-visually-hidden', for: this.ids.input });
      this.input = h('textarea', {
        id: this.ids.input,
        className: 'relaydesk-input',
        'data-testid': 'chat-input',
        rows: '1',
        maxlength: String(MAX_LENGTH),
        'aria-describedby': this.ids.error + ' ' + this.ids.counter,
        autocomplete: 'off'
      });
      this.input.addEventListener('input', () => { this.autosize(); this.updateControls(); });
      this.input.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
          e.preventDefault();
          this.handleSend();
        }
      });
      this.counterEl = h('span', { id: this.ids.counter, className: 'relaydesk-counter', hidden: true });
      this.sendBtn = h('button', { type: 'submit', className: 'relaydesk-send', 'data-testid': 'chat-send', disabled: true }, [icon('send')]);
      this.form = h('form', { className: 'relaydesk-composer', novalidate: true }, [
        this.inputLabel,
        h('div', { className: 'relaydesk-input-wrap' }, [this.input, this.counterEl]),
        this.sendBtn
      ]);
      this.form.addEventListener('submit', (e) => { e.preventDefault(); this.handleSend(); });

      this.panel = h('section', {
        id: this.ids.panel,
        className: 'relaydesk-panel',
        'data-testid': 'chat-panel',
        'aria-labelledby': this.ids.title,
        hidden: true
      }, [header, banners, this.list, this.errorEl, toolbar, this.form]);
      this.panel.addEventListener('keydown', this.onKeydownPanel);

      this.root.appendChild(this.panel);
      this.root.appendChild(this.launcher);
    }

    applyLanguage() {
      const lang = this.language;
      this.root.setAttribute('lang', lang);
      this.titleEl.textContent = this.t('title');
      this.subtitleEl.textContent = this.t('subtitle');
      this.langGroup.setAttribute('aria-label', this.t('languageGroup'));
      this.langDeBtn.setAttribute('aria-label', this.t('langDe'));
      this.langEnBtn.setAttribute('aria-label', this.t('langEn'));
      this.langDeBtn.setAttribute('aria-pressed', String(lang === 'de'));
      this.langEnBtn.setAttribute('aria-pressed', String(lang === 'en'));
      this.minimizeBtn.setAttribute('aria-label', this.t('minimize'));
      this.minimizeBtn.setAttribute('title', this.t('minimize'));
      this.list.setAttribute('aria-label', this.t('messagesLabel'));
      this.humanLabel.textContent = this.t('talkToHuman');
      this.endChatBtn.textContent = this.t('endChat');
      this.newChatBtn.textContent = this.t('newChat');
      this.inputLabel.textContent = this.t('inputLabel');
      this.input.setAttribute('placeholder', this.t('placeholder'));
      this.sendBtn.setAttribute('aria-label', this.t('send'));
      this.sendBtn.setAttribute('title', this.t('send'));
      this.updateLauncher();
      this.renderStatus();
      this.renderConnection();
      this.renderError();
      this.messages.forEach((entry) => this.decorateMessage(entry.el, entry.message));
      this.pending.forEach((p) => this.decoratePending(p));
      this.updateControls();
    }

    setLanguage(lang) {
      const next = normalizeLanguage(lang);
      if (!next || next === this.language) return;
      this.language = next;
      // Remember the preference; the running conversation keeps its language,
      // the next conversation is created in the new language.
      if (this.session) {
        this.session.language = next;
        saveSession(this.session);
      }
      this.applyLanguage();
    }

    updateLauncher() {
      let label = this.isOpen ? this.t('closeChat') : this.t('openChat');
      if (!this.isOpen && this.unread > 0) label += ' (' + this.unread + ' ' + this.t('newMessages') + ')';
      this.launcher.setAttribute('aria-label', label);
      this.launcher.setAttribute('title', this.isOpen ? this.t('closeChat') : this.t('openChat'));
      this.launcher.setAttribute('aria-expanded', String(this.isOpen));
      this.launcherBadge.hidden = this.isOpen || this.unread === 0;
      this.launcherBadge.textContent = this.unread > 9 ? '9+' : String(this.unread);
    }

    open(opts) {
      const focus = !opts || opts.focus !== false;
      this.isOpen = true;
      this.unread = 0;
      this.panel.hidden = false;
      this.root.classList.add('relaydesk-is-open');
      this.updateLauncher();
      this.scrollToBottom();
      this.ensureStarted().catch(function () { /* shown in error line */ });
      if (focus) this.input.focus();
    }

    close(opts) {
      const hadFocus = this.panel.contains(document.activeElement);
      this.isOpen = false;
      this.panel.hidden = true;
      this.root.classList.remove('relaydesk-is-open');
      this.updateLauncher();
      if ((opts && opts.focusLauncher) || hadFocus) this.launcher.focus();
    }

    onKeydownPanel(e) {
      if (e.key === 'Escape' && !e.isComposing) {
        e.preventDefault();
        this.close({ focusLauncher: true });
      }
    }

    autosize() {
      const el = this.input;
      el.style.height = 'auto';
      el.style.height = Math.min(el.scrollHeight, 140) + 'px';
    }

    isEnded() {
      const s = this.state;
      return s === 'resolved' || s === 'closed';
    }

    updateControls() {
      const text = normalizeText(this.input.value);
      this.sendBtn.disabled = text.length === 0;

      const len = this.input.value.length;
      this.counterEl.hidden = len < COUNTER_THRESHOLD;
      this.counterEl.textContent = this.t('counter', { n: len, max: MAX_LENGTH });
      this.counterEl.classList.toggle('relaydesk-counter--limit', len >= MAX_LENGTH);

      this.humanBtn.disabled = this.humanBusy;
      this.humanBtn.setAttribute('aria-busy', String(this.humanBusy));

      const ended = this.isEnded();
      if (ended && document.activeElement === this.endChatBtn) {
        // Keep keyboard focus in a sensible place when the button disappears.
        this.newChatBtn.hidden = false;
        this.newChatBtn.focus();
      }
      this.endChatBtn.hidden = ended;
      this.endChatBtn.disabled = !this.session || this.endBusy;
      this.newChatBtn.hidden = !ended;
    }

    // -- status / connection / error rendering ----------------------------------
    renderStatus() {
      const v = this.view;
      const state = v ? v.state : null;
      let text = '';
      if (state === 'assistant') {
        text = this.t('statusAssistant');
      } else if (state === 'queued') {
        const n = v.queuePosition;
        text = typeof n === 'number' && Number.isFinite(n)
          ? this.t('statusQueued', { n: n })
          : this.t('statusQueuedNoPosition');
      } else if (state === 'assigned') {
        text = v.assignedAgent
          ? this.t('statusAssigned', { name: v.assignedAgent })
          : this.t('statusAssignedNoName');
      } else if (state === 'resolved' || state === 'closed') {
        text = this.t('statusResolved');
      }
      this.statusEl.textContent = text;
      this.statusEl.setAttribute('data-state', state || '');
      this.renderWait(v, state);
      this.statusWrap.setAttribute('data-state', state || '');
    }

    // The honest wait: a range (never a single number), and a callback offer instead of a dead end.
    renderWait(v, state) {
      const queued = state === 'queued';
      let eta = '';
      if (queued && v.callbackAt) {
        eta = this.t('callbackBooked', { when: this.formatWhen(v.callbackAt) });
      } else if (queued && typeof v.etaMaxSeconds === 'number') {
        eta = v.etaMaxSeconds <= 60
          ? this.t('etaSoon')
          : this.t('etaRange', { min: Math.floor(v.etaMinSeconds / 60), max: Math.ceil(v.etaMaxSeconds / 60) });
      }
      this.etaEl.textContent = eta;
      this.etaEl.hidden = eta === '';

      const open = state === 'queued' || state === 'assigned';
      const chosen = open && v.emailReply ? this.t('emailReplyChosen', { to: v.emailReply.to }) : '';
      this.emailReplyEl.textContent = chosen;
      this.emailReplyEl.hidden = chosen === '';

      const offer = queued && !v.callbackAt && !v.emailReply && !this.callbackDismissed ? v.callbackOffer : null;
      // The e-mail form stays in place across pushes, so what the customer is typing is kept (and keeps focus).
      const form = this.ensureEmailForm();
      Array.from(this.callbackEl.childNodes).forEach((node) => { if (node !== form) this.callbackEl.removeChild(node); });
      this.callbackEl.hidden = !offer;
      if (!offer) return;
      const reasonKey = offer.reason === 'out_of_hours' ? 'callbackOutOfHours'
        : offer.reason === 'no_agent_on_shift' ? 'callbackNoAgent' : 'callbackLongWait';
      const intro = h('p', { className: 'relaydesk-callback-intro' });
      intro.textContent = this.t(reasonKey, { when: offer.peopleBackAt ? this.formatWhen(offer.peopleBackAt) : '' });
      const slots = h('div', { className: 'relaydesk-callback-slots', role: 'group' });
      slots.setAttribute('aria-label', this.t('callbackSlots'));
      (Array.isArray(offer.slots) ? offer.slots : []).forEach((slot) => {
        const btn = h('button', { type: 'button', className: 'relaydesk-btn relaydesk-callback-slot', 'data-testid': 'callback-slot' });
        btn.textContent = this.formatWhen(slot.start);
        btn.addEventListener('click', () => this.bookCallback(slot.start));
        slots.appendChild(btn);
      });
      const keep = h('button', { type: 'button', className: 'relaydesk-btn relaydesk-keep-place', 'data-testid': 'keep-place' });
      keep.textContent = this.t('keepPlace');
      keep.addEventListener('click', () => { this.callbackDismissed = true; this.renderStatus(); });
      this.callbackEl.insertBefore(intro, form);
      this.callbackEl.insertBefore(slots, form);
      this.callbackEl.insertBefore(keep, form);
    }

    // "Keep my place and reply by e-mail": an address field, or for a signed-in customer their account's address.
    ensureEmailForm() {
      if (!this.emailForm) {
        this.emailIntro = h('p', { className: 'relaydesk-callback-intro' });
        this.emailInput = h('input', {
          type: 'email', className: 'relaydesk-email-input', 'data-testid': 'email-reply-input',
          autocomplete: 'email', inputmode: 'email', maxlength: '254', id: 'relaydesk-email-' + this.uid
        });
        this.emailBtn = h('button', { type: 'submit', className: 'relaydesk-btn relaydesk-email-reply', 'data-testid': 'email-reply' });
        this.emailForm = h('form', { className: 'relaydesk-email-form', 'data-testid': 'email-reply-form', novalidate: true },
          [this.emailIntro, this.emailInput, this.emailBtn]);
        this.emailForm.addEventListener('submit', (event) => {
          event.preventDefault();
          this.chooseEmailReply();
        });
        this.callbackEl.appendChild(this.emailForm);
      }
      const signedIn = !!this.options.customerToken;
      this.emailIntro.textContent = this.t('emailReplyIntro');
      this.emailInput.hidden = signedIn;
      this.emailInput.setAttribute('aria-label', this.t('emailReplyInput'));
      this.emailInput.setAttribute('placeholder', this.t('emailReplyInput'));
      this.emailBtn.textContent = this.t(signedIn ? 'emailReplyAccount' : 'emailReplyButton');
      return this.emailForm;
    }

    async chooseEmailReply() {
      if (!this.session || this.emailReplyBusy) return;
      const signedIn = !!this.options.customerToken;
      const email = signedIn ? '' : String(this.emailInput.value || '').trim();
      this.clearError();
      // A plain first check here; the server has the last word and answers with problem details.
      if (!signedIn && !/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(email)) {
        this.setError({ text: this.t('emailReplyInvalid') });
        this.emailInput.setAttribute('aria-invalid', 'true');
        this.emailInput.focus();
        return;
      }
      this.emailInput.removeAttribute('aria-invalid');
      const epoch = this.epoch;
      this.emailReplyBusy = true;
      try {
        const body = signedIn ? {} : { email: email };
        const view = await this.http('POST', this.conversationPath(this.session.id) + '/email-reply', body, this.session.token);
        if (epoch === this.epoch) this.applyView(view);
      } catch (err) {
        const code = err && err.problem && err.problem.code;
        if (code === 'email.invalid' || code === 'email.missing') {
          this.setError({ text: this.t('emailReplyInvalid') });
          if (signedIn) this.emailInput.hidden = false; // no address on the account: ask for one
        } else {
          this.showError(err);
        }
      } finally {
        this.emailReplyBusy = false;
      }
    }

    // Times in the customer's own time zone (the browser's).
    formatWhen(value) {
      const date = new Date(value);
      if (isNaN(date.getTime())) return '';
      return date.toLocaleString(this.language === 'de' ? 'de-DE' : 'en-GB',
        { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
    }

    async bookCallback(slotStart) {
      if (!this.session || this.callbackBusy) return;
      const epoch = this.epoch;
      this.callbackBusy = true;
      this.clearError();
      try {
        const view = await this.http('POST', this.conversationPath(this.session.id) + '/callback', { slotStart: slotStart }, this.session.token);
        if (epoch === this.epoch) this.applyView(view);
      } catch (err) {
        this.showError(err);
      } finally {
        this.callbackBusy = false;
      }
    }

    setConnectionState(state) {
      this.connectionState = state;
      this.renderConnection();
    }

    renderConnection() {
      let text = '';
      if (this.connectionState === 'connecting') text = this.t('connecting');
      else if (this.connectionState === 'reconnecting') text = this.t('reconnecting');
      else if (this.connectionState === 'unavailable') text = this.t('unavailable');
      this.connectionEl.textContent = text;
      this.connectionEl.setAttribute('data-state', this.connectionState);
    }

    setError(error) {
      this.error = error || null;
      this.renderError();
    }

    clearError() {
      this.setError(null);
    }

    showError(err, fallbackKey) {
      this.setError({ text: readableError(err, this.t(fallbackKey || 'genericError')) });
    }

    renderError() {
      const e = this.error;
      this.errorEl.textContent = !e ? '' : (e.key ? this.t(e.key, e.params) : String(e.text || ''));
    }

    // -- messages ---------------------------------------------------------------
    isNearBottom() {
      const el = this.list;
      return el.scrollHeight - el.scrollTop - el.clientHeight < 80;
    }

    scrollToBottom() {
      this.list.scrollTop = this.list.scrollHeight;
    }

    formatTime(iso) {
      if (!iso) return '';
      const d = new Date(iso);
      if (Number.isNaN(d.getTime())) return '';
      try {
        return d.toLocaleTimeString(this.language === 'de' ? 'de-DE' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
      } catch (_) {
        return '';
      }
    }

    formatDateTime(iso) {
      if (!iso) return '';
      const d = new Date(iso);
      if (Number.isNaN(d.getTime())) return '';
      try {
        return d.toLocaleString(this.language === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
      } catch (_) {
        return '';
      }
    }

    normalizeMessage(m) {
      if (!m || typeof m !== 'object') return null;
      const seq = Number(m.seq);
      if (!Number.isFinite(seq)) return null;
      return {
        seq: seq,
        author: KNOWN_AUTHORS.indexOf(m.author) >= 0 ? m.author : 'system',
        authorName: m.authorName == null ? null : String(m.authorName),
        text: m.text == null ? '' : String(m.text),
        sentAt: m.sentAt || null
      };
    }

    createMessageElement(author) {
      const row = h('div', {
        className: 'relaydesk-msg relaydesk-msg--' + author,
        'data-testid': 'chat-message',
        'data-author': author
      });
      if (author === 'assistant' || author === 'agent') {
        row.appendChild(h('span', { className: 'relaydesk-msg-author' }));
      }
      row.appendChild(h('div', { className: 'relaydesk-msg-bubble', 'data-testid': 'chat-message-text' }));
      return row;
    }

    /** Labels and time are (re)applied here so a language switch updates them. */
    decorateMessage(row, m) {
      const authorEl = row.querySelector('.relaydesk-msg-author');
      if (authorEl) {
        authorEl.textContent = m.author === 'assistant'
          ? this.t('assistantLabel')
          : (m.authorName || this.t('agentLabel'));
      }
      if (m.author === 'customer') row.setAttribute('data-label', this.t('youLabel'));
      const time = this.formatTime(m.sentAt);
      if (time) row.setAttribute('data-time', time);
      else row.removeAttribute('data-time');
      const full = this.formatDateTime(m.sentAt);
      if (full) row.setAttribute('title', full);
      else row.removeAttribute('title');
    }

    renderMessage(m) {
      const row = this.createMessageElement(m.author);
      row.setAttribute('data-seq', String(m.seq));
      row.querySelector('.relaydesk-msg-bubble').textContent = m.text;
      this.decorateMessage(row, m);
      return row;
    }

    insertRow(row, seq) {
      // Rows are ordered by seq; unacknowledged (pending) rows always stay at the end.
      let before = null;
      const children = this.list.children;
      // Fast path: appending after the last acknowledged message.
      let lastSeqRow = null;
      for (let i = children.length - 1; i >= 0; i--) {
        if (children[i].hasAttribute('data-seq')) { lastSeqRow = children[i]; break; }
      }
      if (!lastSeqRow || Number(lastSeqRow.getAttribute('data-seq')) < seq) {
        before = lastSeqRow ? lastSeqRow.nextSibling : this.list.firstChild;
      } else {
        for (let i = 0; i < children.length; i++) {
          const c = children[i];
          if (!c.hasAttribute('data-seq') || Number(c.getAttribute('data-seq')) > seq) { before = c; break; }
        }
      }
      this.list.insertBefore(row, before);
    }

    insertMessage(m, provisional) {
      const row = this.renderMessage(m);
      this.insertRow(row, m.seq);
      this.messages.set(m.seq, { message: m, el: row, provisional: !!provisional });
    }

    /** Adds messages from Join results or live events: dedupe by seq, keep seq order. */
    receiveMessages(list, live) {
      const items = (Array.isArray(list) ? list : [])
        .map((m) => this.normalizeMessage(m))
        .filter(Boolean)
        .sort(function (a, b) { return a.seq - b.seq; });
      if (items.length === 0) return;

      const stick = this.isNearBottom();
      let ownMessage = false;
      let lastChanged = false;
      for (const m of items) {
        if (m.seq > this.lastSeq) { this.lastSeq = m.seq; lastChanged = true; }
        const existing = this.messages.get(m.seq);
        if (existing) {
          if (existing.provisional) {
            // Replace the ack-based placeholder with the server's copy.
            existing.message = m;
            existing.provisional = false;
            existing.el.querySelector('.relaydesk-msg-bubble').textContent = m.text;
            this.decorateMessage(existing.el, m);
          }
          continue;
        }
        if (m.author === 'customer') {
          this.matchPending(m);
          ownMessage = true;
        }
        this.insertMessage(m, false);
        if (live && !this.isOpen && m.author !== 'customer') this.unread++;
      }
      if (lastChanged && this.session) {
        this.session.lastSeq = this.lastSeq;
        saveSession(this.session);
      }
      if (stick || ownMessage) this.scrollToBottom();
      if (!this.isOpen) this.updateLauncher();
    }

    // -- pending customer messages -------------------------------------------
    decoratePending(p) {
      if (!p.el) return;
      p.el.setAttribute('data-label', this.t('youLabel'));
      p.el.setAttribute('data-time', this.t('sending'));
    }

    renderPending(p) {
      const row = this.createMessageElement('customer');
      row.classList.add('relaydesk-msg--pending');
      row.setAttribute('data-pending', 'true');
      row.setAttribute('data-client-message-id', p.clientMessageId);
      row.setAttribute('aria-busy', 'true');
      row.querySelector('.relaydesk-msg-bubble').textContent = p.text;
      p.el = row;
      this.decoratePending(p);
      return row;
    }

    removePendingElement(p) {
      if (p.el && p.el.parentNode) p.el.parentNode.removeChild(p.el);
      p.el = null;
    }

    /** A customer message arrived (event or Join) – hide the matching "sending" bubble. */
    matchPending(m) {
      const text = normalizeText(m.text);
      const p = this.pending.find(function (x) { return x.matchedSeq == null && normalizeText(x.text) === text; });
      if (!p) return;
      p.matchedSeq = m.seq;
      this.removePendingElement(p);
    }

    resolvePending(p, seq) {
      const idx = this.pending.indexOf(p);
      if (idx >= 0) this.pending.splice(idx, 1);
      this.removePendingElement(p);
      if (typeof seq === 'number' && Number.isFinite(seq) && !this.messages.has(seq)) {
        // The ack beat the "message" event: show the acknowledged message now.
        // lastSeq is deliberately not advanced here so a later Join(lastSeq) cannot skip anything.
        this.insertMessage({
          seq: seq,
          author: 'customer',
          authorName: null,
          text: p.text,
          sentAt: new Date().toISOString()
        }, true);
        this.scrollToBottom();
      }
    }

    failPending(p, err) {
      const idx = this.pending.indexOf(p);
      if (idx >= 0) this.pending.splice(idx, 1);
      this.removePendingElement(p);
      if (!this.input.value) {
        // Give the customer their text back so nothing typed is lost.
        this.input.value = p.text;
        this.autosize();
        this.updateControls();
      }
      this.showError(err);
    }

    handleSend() {
      const text = normalizeText(this.input.value);
      if (!text) {
        this.updateControls();
        return;
      }
      if (text.length > MAX_LENGTH) {
        this.setError({ key: 'tooLong' });
        return;
      }
      this.clearError();
      const p = {
        clientMessageId: newClientMessageId(),
        text: text,
        status: 'queued',     // queued -> inflight -> (acked | queued again after a drop | failed)
        matchedSeq: null,
        epoch: this.epoch,
        el: null
      };
      this.pending.push(p);
      this.list.appendChild(this.renderPending(p));
      this.scrollToBottom();
      this.input.value = '';
      this.autosize();
      this.updateControls();
      this.ensureStarted().catch(function () { /* shown in error line */ });
      this.flushPending();
    }

    /** Sends queued messages in order over the current, joined connection. */
    async flushPending() {
      if (this.flushing) return;
      this.flushing = true;
      try {
        for (;;) {
          const conn = this.connection;
          if (!conn || !this.joined || !isConnected(conn)) break;
          const p = this.pending.find(function (x) { return x.status === 'queued'; });
          if (!p) break;
          await this.sendPending(p, conn);
          if (p.status === 'queued') break; // connection dropped – retried after reconnect
        }
      } finally {
        this.flushing = false;
      }
    }

    async sendPending(p, conn) {
      const epoch = this.epoch;
      p.status = 'inflight';
      let ack;
      try {
        // Same clientMessageId on every retry – the server deduplicates.
        ack = await conn.invoke('SendMessage', p.clientMessageId, p.text);
      } catch (err) {
        if (epoch !== this.epoch || p.epoch !== this.epoch) return;
        if (!isConnected(conn) || isConnectionError(err)) {
          p.status = 'queued';
          return;
        }
        p.status = 'failed';
        this.failPending(p, err);
        return;
      }
      if (epoch !== this.epoch) return;
      p.status = 'acked';
      const seq = ack && Number.isFinite(Number(ack.seq)) ? Number(ack.seq) : null;
      this.resolvePending(p, seq);
    }

    // -- conversation lifecycle ---------------------------------------------
    ensureStarted() {
      if (!this.startPromise) {
        const epoch = this.epoch;
        this.startPromise = this.start(epoch).catch((err) => {
          if (epoch === this.epoch) {
            this.startPromise = null;
            if (err && err.isNetwork) this.setError({ key: 'networkError' });
            else this.setError({ key: 'startFailed' });
            this.scheduleStartRetry();
          }
          throw err;
        });
      }
      return this.startPromise;
    }

    scheduleStartRetry() {
      clearTimeout(this.startRetryTimer);
      const delay = START_RETRY_DELAYS[Math.min(this.startRetryCount, START_RETRY_DELAYS.length - 1)];
      this.startRetryCount++;
      const epoch = this.epoch;
      this.startRetryTimer = setTimeout(() => {
        if (epoch !== this.epoch || this.startPromise) return;
        // Only keep retrying when someone is looking at the chat or waiting for a message.
        if (!this.isOpen && this.pending.length === 0) return;
        this.ensureStarted().then(() => {
          if (this.error && (this.error.key === 'startFailed' || this.error.key === 'networkError')) this.clearError();
        }, function () { /* retried again */ });
      }, delay);
    }

    async start(epoch) {
      let stored = loadSession();
      if (stored) {
        try {
          const view = await this.http('GET', this.conversationPath(stored.id), undefined, stored.token);
          if (epoch !== this.epoch) return;
          this.adopt(stored);
          this.applyView(view);
        } catch (err) {
          if (epoch !== this.epoch) return;
          if (err && (err.status === 401 || err.status === 403 || err.status === 404)) {
            // Token expired or conversation gone: start fresh.
            clearSession();
            stored = null;
          } else {
            // Server temporarily unreachable: keep the session, the hub connection retries.
            this.adopt(stored);
          }
        }
      }
      if (!stored) {
        const created = await this.http('POST', '/api/v1/conversations', { language: this.language }, this.options.customerToken || undefined);
        if (epoch !== this.epoch) return;
        if (!created || !created.id || !created.token) throw new Error(this.t('startFailed'));
        const session = { id: String(created.id), token: String(created.token), lastSeq: 0, language: this.language };
        saveSession(session);
        this.adopt(session);
        this.applyView({ id: session.id, state: created.state || 'assistant', queuePosition: null, assignedAgent: null });
      }
      this.startRetryCount = 0;
      this.connect(epoch);
    }

    adopt(session) {
      this.session = session;
      if (!this.options.language && session.language && session.language !== this.language) {
        this.language = session.language;
        this.applyLanguage();
      }
      this.updateControls();
    }

    conversationPath(id) {
      return '/api/v1/conversations/' + encodeURIComponent(id);
    }

    applyView(v) {
      if (!v || typeof v !== 'object') return;
      if (v.id != null && this.session && String(v.id) !== this.session.id) return; // stale
      const state = KNOWN_STATES.indexOf(v.state) >= 0 ? v.state : (this.view ? this.view.state : null);
      const pos = v.queuePosition == null ? null : Number(v.queuePosition);
      this.view = {
        id: v.id != null ? String(v.id) : (this.session ? this.session.id : null),
        state: state,
        queuePosition: Number.isFinite(pos) ? pos : null,
        assignedAgent: v.assignedAgent == null || v.assignedAgent === '' ? null : String(v.assignedAgent),
        etaMinSeconds: typeof v.etaMinSeconds === 'number' ? v.etaMinSeconds : null,
        etaMaxSeconds: typeof v.etaMaxSeconds === 'number' ? v.etaMaxSeconds : null,
        callbackOffer: v.callbackOffer && typeof v.callbackOffer === 'object' ? v.callbackOffer : null,
        callbackAt: v.callbackAt ? String(v.callbackAt) : null,
        emailReply: v.emailReply && typeof v.emailReply === 'object' && v.emailReply.to ? { to: String(v.emailReply.to) } : null
      };
      this.root.setAttribute('data-state', state || '');
      this.renderStatus();
      this.updateControls();
    }

    resetConversation() {
      this.epoch++;
      clearTimeout(this.startRetryTimer);
      clearTimeout(this.restartTimer);
      clearTimeout(this.joinRetryTimer);
      this.startRetryCount = 0;
      this.restartAttempt = 0;
      this.joinRetryCount = 0;
      const old = this.connection;
      this.connection = null;
      this.joined = false;
      this.joinedOnce = false;
      if (old) old.stop().catch(function () { /* ignore */ });
      clearSession();
      this.session = null;
      this.view = null;
      this.lastSeq = 0;
      this.messages.clear();
      this.pending = [];
      this.list.textContent = '';
      this.startPromise = null;
      this.root.setAttribute('data-state', '');
      this.clearError();
      this.setConnectionState('idle');
      this.renderStatus();
      this.updateControls();
    }

    async newChat(opts) {
      this.resetConversation();
      if (opts && opts.focusInput) this.input.focus();
      try {
        await this.ensureStarted();
      } catch (_) { /* shown in error line */ }
    }

    async requestHuman() {
      if (this.humanBusy) return;
      this.humanBusy = true;
      this.updateControls();
      this.clearError();
      try {
        // A closed chat cannot be reopened: "talk to a human" starts a fresh conversation first.
        // (A resolved one can: the server queues it again.)
        if (this.state === 'closed') await this.newChat();
        await this.ensureStarted();
        const epoch = this.epoch;
        const view = await this.requestHumanCall();
        if (epoch === this.epoch) this.applyView(view);
      } catch (err) {
        this.showError(err);
      } finally {
        this.humanBusy = false;
        this.updateControls();
      }
    }

    async requestHumanCall() {
      const conn = this.connection;
      if (conn && this.joined && isConnected(conn)) {
        try {
          return await conn.invoke('RequestHuman');
        } catch (err) {
          if (isConnected(conn) && !isConnectionError(err)) throw err;
          // Connection dropped mid-call: fall back to HTTP below.
        }
      }
      return this.http('POST', this.conversationPath(this.session.id) + '/human', undefined, this.session.token);
    }

    async endChat() {
      if (!this.session || this.endBusy) return;
      const epoch = this.epoch;
      this.endBusy = true;
      this.clearError();
      this.updateControls();
      try {
        const view = await this.http('POST', this.conversationPath(this.session.id) + '/close', undefined, this.session.token);
        if (epoch === this.epoch) this.applyView(view);
      } catch (err) {
        if (epoch === this.epoch) this.showError(err);
      } finally {
        this.endBusy = false;
        this.updateControls();
      }
    }

    // -- SignalR -----------------------------------------------------------------
    connect(epoch) {
      if (epoch !== this.epoch || !this.session) return;
      if (!hubAvailable()) {
        this.setConnectionState('unavailable');
        return;
      }
      const token = this.session.token;
      const builder = new global.signalR.HubConnectionBuilder()
        .withUrl(this.server + '/hubs/customer', { accessTokenFactory: () => token })
        .withAutomaticReconnect();
      if (global.signalR.LogLevel && typeof builder.configureLogging === 'function') {
        builder.configureLogging(global.signalR.LogLevel.Warning);
      }
      const conn = builder.build();
      this.connection = conn;
      this.joined = false;

      conn.on('message', (m) => {
        if (conn !== this.connection) return;
        this.receiveMessages([m], true);
      });
      conn.on('conversationUpdated', (v) => {
        if (conn !== this.connection) return;
        this.applyView(v);
      });
      conn.onreconnecting(() => {
        if (conn !== this.connection) return;
        this.joined = false;
        this.setConnectionState('reconnecting');
      });
      conn.onreconnected(() => {
        if (conn !== this.connection) return;
        this.join(conn);
      });
      conn.onclose(() => {
        if (conn !== this.connection) return;
        // Automatic reconnect gave up (or never connected): keep trying ourselves.
        this.joined = false;
        this.scheduleRestart(conn);
      });

      this.startConnection(conn);
    }

    async startConnection(conn) {
      if (conn !== this.connection) return;
      clearTimeout(this.restartTimer);
      this.setConnectionState(this.joinedOnce || this.restartAttempt > 0 ? 'reconnecting' : 'connecting');
      try {
        await conn.start();
      } catch (err) {
        if (conn !== this.connection) return;
        if (isAuthError(err)) {
          this.handleAuthFailure();
          return;
        }
        this.scheduleRestart(conn);
        return;
      }
      if (conn !== this.connection) {
        conn.stop().catch(function () { /* ignore */ });
        return;
      }
      await this.join(conn);
    }

    scheduleRestart(conn) {
      clearTimeout(this.restartTimer);
      this.setConnectionState('reconnecting');
      const delay = RESTART_DELAYS[Math.min(this.restartAttempt, RESTART_DELAYS.length - 1)];
      this.restartAttempt++;
      this.restartTimer = setTimeout(() => {
        if (conn !== this.connection || !isDisconnected(conn)) return;
        this.startConnection(conn);
      }, delay);
    }

    onOnline() {
      const conn = this.connection;
      if (conn && isDisconnected(conn)) {
        clearTimeout(this.restartTimer);
        this.startConnection(conn);
      }
    }

    /** Join after every (re)connect with the last seq seen (0 on the first connect after page load). */
    async join(conn) {
      clearTimeout(this.joinRetryTimer);
      const afterSeq = this.joinedOnce ? this.lastSeq : 0;
      let result;
      try {
        this.list.setAttribute('aria-busy', 'true');
        result = await conn.invoke('Join', afterSeq);
      } catch (err) {
        if (conn !== this.connection) return;
        if (!isConnected(conn) || isConnectionError(err)) return; // reconnect logic takes over
        if (isAuthError(err) || /conversation not found/i.test(String(err && err.message))) {
          // Token no longer valid or the conversation is gone (e.g. server data reset).
          this.handleAuthFailure();
          return;
        }
        this.setConnectionState('connected');
        // A finished conversation may refuse Join; the banner already offers a new chat.
        if (this.isEnded()) return;
        this.showError(err);
        if (this.joinRetryCount < MAX_JOIN_RETRIES) {
          this.joinRetryCount++;
          this.joinRetryTimer = setTimeout(() => {
            if (conn === this.connection && isConnected(conn) && !this.joined) this.join(conn);
          }, 3000 * this.joinRetryCount);
        }
        return;
      } finally {
        this.list.setAttribute('aria-busy', 'false');
      }
      if (conn !== this.connection) return;
      this.joined = true;
      this.joinedOnce = true;
      this.joinRetryCount = 0;
      this.restartAttempt = 0;
      this.authResets = 0;
      this.setConnectionState('connected');
      if (result && result.conversation) this.applyView(result.conversation);
      this.receiveMessages(result && result.messages, false);
      if (this.error && (this.error.key === 'startFailed' || this.error.key === 'networkError')) this.clearError();
      this.flushPending();
    }

    handleAuthFailure() {
      // The stored token is no longer accepted: start a fresh conversation once.
      if (this.authResets >= 1) {
        const conn = this.connection;
        this.connection = null;
        if (conn) conn.stop().catch(function () { /* ignore */ });
        this.setConnectionState('idle');
        this.setError({ key: 'startFailed' });
        return;
      }
      this.authResets++;
      this.newChat();
    }

    // -- HTTP --------------------------------------------------------------------
    async http(method, path, body, token) {
      const headers = { Accept: 'application/json, application/problem+json' };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      if (token) headers.Authorization = 'Bearer ' + token;
      let res;
      try {
        res = await fetch(this.server + path, {
          method: method,
          headers: headers,
          body: body !== undefined ? JSON.stringify(body) : undefined,
          credentials: 'same-origin',
          cache: 'no-store'
        });
      } catch (_) {
        const err = new Error(this.t('networkError'));
        err.isHttp = true;
        err.isNetwork = true;
        throw err;
      }
      let data = null;
      const type = res.headers.get('content-type') || '';
      if (type.indexOf('json') >= 0) {
        try { data = await res.json(); } catch (_) { data = null; }
      }
      if (!res.ok) {
        const text = data && (data.detail || data.title);
        const err = new Error(text ? String(text) : this.t('genericError') + ' (' + res.status + ')');
        err.isHttp = true;
        err.status = res.status;
        err.problem = data;
        throw err;
      }
      return data;
    }

    destroy() {
      this.epoch++;
      clearTimeout(this.startRetryTimer);
      clearTimeout(this.restartTimer);
      clearTimeout(this.joinRetryTimer);
      global.removeEventListener('online', this.onOnline);
      const conn = this.connection;
      this.connection = null;
      if (conn) conn.stop().catch(function () { /* ignore */ });
      this.root.textContent = '';
      this.root.classList.remove('relaydesk-root', 'relaydesk-is-open');
      if (this.root.relaydesk === this) delete this.root.relaydesk;
    }
  }

  function mount(el, options) {
    if (!el || el.nodeType !== 1) throw new Error('RelayDesk.mount: a DOM element is required');
    if (el.relaydesk instanceof RelayDeskWidget) return el.relaydesk;
    const instance = new RelayDeskWidget(el, options || {});
    el.relaydesk = instance;
    return instance;
  }

  global.RelayDesk = { mount: mount };
})(window);
