// Moved to common/ (the web print views write dates the same way); kept here for the renderers' imports.
export * from '../../common/chinese-date.js';
