export const layout = {
};
